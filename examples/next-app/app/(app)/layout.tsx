import { IdentifySupportVisitor } from "@cossistant/next";
import { redirect } from "next/navigation";
import { SupportWidget } from "@/components/support-widget";
import { currentUser } from "@/lib/demo-user";

// Step 6 of the Quickstart: identify signed-in users from the layout of the authenticated
// routes. IdentifySupportVisitor is a Server Component here: it signs the identity with
// COSSISTANT_IDENTITY_SECRET on the server and sends only the signature to the browser.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
	const user = await currentUser();
	if (!user) redirect("/");
	return (
		<>
			<IdentifySupportVisitor
				externalId={user.id}
				email={user.email}
				name={user.name}
				image={user.image}
				metadata={{
					plan: user.plan,
					signupDate: user.signupDate,
					company: user.company,
					mrr: user.mrr,
				}}
			/>
			{children}
			<SupportWidget />
		</>
	);
}
