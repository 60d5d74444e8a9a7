// Routing & Pages, step 3: register with <Support.Page>.
import { Support } from "@cossistant/next";
import { SettingsPage } from "./settings-page";

// The docs show the element alone; a component renders it here.
export function App() {
	return (
		<Support>
			<Support.Page name="SETTINGS" component={SettingsPage} />
		</Support>
	);
}
