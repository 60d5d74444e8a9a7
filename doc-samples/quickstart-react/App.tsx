// React Quickstart, step 5: src/App.tsx.
import { Support } from "@cossistant/react";

export default function App() {
	return (
		<div>
			<h1>You are ready to chat</h1>
			<Support />
		</div>
	);
}
