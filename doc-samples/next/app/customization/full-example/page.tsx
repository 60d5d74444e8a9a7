import App from "../../../components/customization/full-example";

export default function Page() {
	return <App />;
}
