// The docs' Routing & Pages example: RouteRegistry augmentation, a SETTINGS page with typed
// params and a HELP page registered with <Support.Page>, navigation from inside the window and
// from anywhere under the provider.
import {
	Header,
	type PageComponentProps,
	Support,
	useSupportHandle,
	useSupportNavigation,
} from "@cossistant/react";
import { mount } from "./mount.tsx";

declare module "@cossistant/core" {
	interface RouteRegistry {
		SETTINGS: { tab: string };
		HELP: undefined;
	}
}

function SettingsPage({ params }: PageComponentProps<"SETTINGS">) {
	const { navigate, goBack, canGoBack } = useSupportNavigation();
	return (
		<>
			<Header>Settings</Header>
			<div className="co-page-body">
				<p>Current tab: {params.tab}</p>
				<button type="button" onClick={() => navigate({ page: "HELP" })}>
					Open help
				</button>
				{canGoBack && (
					<button type="button" onClick={goBack}>
						Go back
					</button>
				)}
			</div>
		</>
	);
}

function HelpPage() {
	const { goBack, page } = useSupportNavigation();
	return (
		<>
			<Header>Help Center</Header>
			<div className="co-page-body">
				<p>Page: {page}</p>
				<button type="button" onClick={goBack}>
					Back to settings
				</button>
			</div>
		</>
	);
}

/** "Navigate from anywhere": a host button that opens the widget on a typed page. */
function OpenSettingsButton() {
	const handle = useSupportHandle();
	return (
		<button
			type="button"
			onClick={() => {
				handle?.navigate({ page: "SETTINGS", params: { tab: "profile" } });
				handle?.open();
			}}
		>
			Open profile settings
		</button>
	);
}

function App() {
	return (
		<>
			<h1>You are ready to chat</h1>
			<Support>
				<Support.Page name="SETTINGS" component={SettingsPage} />
				<Support.Page name="HELP" component={HelpPage} />
				<OpenSettingsButton />
			</Support>
		</>
	);
}

mount(<App />);
