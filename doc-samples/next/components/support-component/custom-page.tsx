// Basic usage: "With custom page". "use client" (not in the docs): HelpPage (a function) and the
// dotted `Support.Page` cannot be used from a Server Component.
"use client";

import { Support, useSupportNavigation } from "@cossistant/next";

const HelpPage = () => {
	const { goBack } = useSupportNavigation();
	return (
		<div className="p-4">
			<button onClick={goBack} type="button">
				← Back
			</button>
			<h1>Help Center</h1>
		</div>
	);
};

export default function App() {
	return (
		<Support>
			<Support.Page name="HELP" component={HelpPage} />
		</Support>
	);
}
