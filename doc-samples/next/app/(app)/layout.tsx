// Next.js Quickstart, step 6: app/(app)/layout.tsx identifying the logged-in visitor from a
// Server Component (the identity is signed on the server when COSSISTANT_IDENTITY_SECRET is set).
import { IdentifySupportVisitor } from "@cossistant/next";

export default function AppLayout({ children }: { children: React.ReactNode }) {
	const user = {
		id: "user_123",
		email: "jane@acme.com",
		name: "Jane Doe",
	};

	return (
		<>
			<IdentifySupportVisitor externalId={user.id} email={user.email} name={user.name} />
			{children}
		</>
	);
}
