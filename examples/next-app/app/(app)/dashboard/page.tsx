import { NewMessageButton } from "@/components/new-message-button";
import { OpenFaqButton } from "@/components/open-faq-button";
import { SupportContact } from "@/components/support-contact";
import { currentUser } from "@/lib/demo-user";
import { signOut } from "../../sign-in/actions";

export default async function DashboardPage() {
	const user = await currentUser();
	return (
		<section className="card">
			<h1>Dashboard</h1>
			<p>
				Signed in as <strong data-testid="user-name">{user?.name}</strong> ({user?.email}). The
				widget knows you as a contact, on every device you sign in from.
			</p>
			<SupportContact />
			<div className="actions">
				<OpenFaqButton />
				<NewMessageButton />
				<form action={signOut}>
					<button type="submit">Sign out</button>
				</form>
			</div>
		</section>
	);
}
