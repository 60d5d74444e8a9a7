// React Quickstart, step 6: src/App.tsx identifying the logged-in visitor.
import { IdentifySupportVisitor, Support } from "@cossistant/react";

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
