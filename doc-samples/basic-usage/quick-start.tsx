// Basic usage: quick start, <Support /> dropped anywhere in the app.
import { Support } from "@cossistant/next";

export default function App() {
	return (
		<div>
			<Support />
			{/* Your app */}
		</div>
	);
}
