// Routing & Pages, step 2: the page component.
import { Button, Header, type PageComponentProps, useSupportNavigation } from "@cossistant/next";

// Strict TypeScript needs the params' type, which the docs leave implicit.
export const SettingsPage = ({ params }: PageComponentProps<"SETTINGS">) => {
	const { navigate, goBack, canGoBack } = useSupportNavigation();

	return (
		<>
			<Header>
				{canGoBack && <button onClick={goBack}>← Back</button>}
				<h1>Settings</h1>
			</Header>
			<div className="p-4">
				<p>Current tab: {params?.tab}</p>
				<Button onClick={() => navigate({ page: "HOME" })}>Go Home</Button>
			</div>
		</>
	);
};
