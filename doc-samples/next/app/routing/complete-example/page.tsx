import App, { MyButton } from "../../../components/routing/complete-example";

export default function Page() {
	return (
		<>
			<App />
			<MyButton />
		</>
	);
}
