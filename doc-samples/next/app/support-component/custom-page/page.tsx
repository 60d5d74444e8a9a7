import { GoTo } from "../../../components/go-to";
import App from "../../../components/support-component/custom-page";

export default function Page() {
	return (
		<>
			<App />
			<GoTo page="HELP" />
		</>
	);
}
