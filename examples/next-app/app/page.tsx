import { Support, SupportConfig } from "@cossistant/next";
import { type DefaultMessage, SenderType } from "@cossistant/types";
import { signIn } from "./sign-in/actions";

const user: { name: string | null } = {
	name: "Jane Doe",
};

// Step 7 of the Quickstart: this page's welcome message and quick options.
const defaultMessages: DefaultMessage[] = [
	{
		content: `Hi ${user.name ?? "there"}, anything I can help with?`,
		senderType: SenderType.TEAM_MEMBER,
	},
];

const quickOptions: string[] = ["How to identify a visitor?"];

// Step 5: the widget on a page, rendered straight from a Server Component.
export default function Page() {
	return (
		<>
			<section className="card">
				<h1>Welcome to Acme</h1>
				<p>
					The support widget is in the bottom-right corner. Visitors are anonymous here; sign in to
					be identified as a contact in the dashboard.
				</p>
				<form action={signIn} className="sign-in">
					<label htmlFor="userId">User id</label>
					<input id="userId" name="userId" defaultValue="user_123" pattern="[a-z0-9_\-]{1,64}" />
					<button type="submit">Sign in</button>
				</form>
			</section>
			<SupportConfig defaultMessages={defaultMessages} quickOptions={quickOptions} />
			<Support />
		</>
	);
}
