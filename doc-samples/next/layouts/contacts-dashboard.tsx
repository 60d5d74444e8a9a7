// Contacts: identifying with the component (app/dashboard/layout.tsx), a Server Component.
import { IdentifySupportVisitor } from "@cossistant/next";
import { headers } from "next/headers";
import { auth } from "@/lib/auth";

// Strict TypeScript needs the type of `children`, which the docs leave out.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
	const session = await auth.api.getSession({
		headers: await headers(),
	});

	return (
		<div>
			{session?.user && (
				<IdentifySupportVisitor
					externalId={session.user.id}
					email={session.user.email}
					name={session.user.name}
					image={session.user.image}
					metadata={{
						plan: session.user.plan,
						signupDate: session.user.createdAt,
						company: session.user.company,
						mrr: session.user.mrr,
					}}
				/>
			)}
			{children}
		</div>
	);
}
