import App from "../../../components/customization/level-5";

export default function Page() {
	return <App />;
}
