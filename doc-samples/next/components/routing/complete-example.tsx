// Routing & Pages, complete example (a Client Component, as in the docs).
"use client";

import { type PageComponentProps, Support, useSupportNavigation } from "@cossistant/next";

// 1. Extend types
declare module "@cossistant/core" {
	interface RouteRegistry {
		FAQ: undefined;
		SETTINGS: { section: string };
	}
}

// 2. Create pages
const FAQPage = () => {
	const { goBack } = useSupportNavigation();
	return (
		<div className="p-6">
			<button onClick={goBack}>← Back</button>
			<h1>FAQ</h1>
		</div>
	);
};

// Exported (not in the docs) for the router sample; strict TypeScript needs the params' type.
export const SettingsPage = ({ params }: PageComponentProps<"SETTINGS">) => {
	const { navigate } = useSupportNavigation();
	return (
		<div className="p-6">
			<h1>Settings - {params?.section}</h1>
			<button onClick={() => navigate({ page: "FAQ" })}>View FAQ</button>
		</div>
	);
};

// 3. Register and use
export default function App() {
	return (
		<Support>
			<Support.Page name="FAQ" component={FAQPage} />
			<Support.Page name="SETTINGS" component={SettingsPage} />
		</Support>
	);
}

// 4. Navigate from anywhere (exported, not in the docs, for the page that renders it)
export function MyButton() {
	const { navigate } = useSupportNavigation();

	return (
		<button
			onClick={() =>
				navigate({
					page: "SETTINGS",
					params: { section: "profile" },
				})
			}
		>
			Open Settings
		</button>
	);
}
