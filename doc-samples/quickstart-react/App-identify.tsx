// React Quickstart, step 6: src/App.tsx identifying the logged-in visitor.
import { IdentifySupportVisitor, Support } from "@cossistant/react";

// Unsigned (no `signature`), this identify may create a contact but not join an existing one from
// another device: sign it on the server (`createIdentitySignature`, @cossistant/next/server).
export default function App() {
	const user = {
		id: "user_123",
		email: "jane@acme.com",
		name: "Jane Doe",
	};

	return (
		<>
			<IdentifySupportVisitor externalId={user.id} email={user.email} name={user.name} />
			<Support />
		</>
	);
}
