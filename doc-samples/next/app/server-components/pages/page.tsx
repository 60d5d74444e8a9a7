// A custom trigger and a custom page (Basic usage, "With custom page") in a Server Component,
// with the parts' own names. The page component is a Client Component, passed by reference.
import { Support, SupportPage, SupportTrigger } from "@cossistant/next";
import { GoTo } from "../../../components/go-to";
import { ServerHelpPage } from "../../../components/server-help-page";

export default function Page() {
	return (
		<>
			<Support>
				<SupportTrigger asChild>
					<button type="button">Help</button>
				</SupportTrigger>
				<SupportPage name="HELP" component={ServerHelpPage} />
			</Support>
			<GoTo page="HELP" />
		</>
	);
}
