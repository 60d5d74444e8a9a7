// Customization, pages registered on the router directly. "use client" (not in the docs): the dotted parts and render functions
// cannot be used from a Server Component; app/customization/router-pages/page.tsx renders it.
"use client";

import { Support } from "@cossistant/next";
// The docs' FAQPage (Custom Pages, just above it) and SettingsPage (Routing & Pages).
import { SettingsPage } from "../routing/complete-example";
import { FAQPage } from "./custom-pages";

// The docs show the element alone; a component renders it here.
export default function RouterPages() {
	return (
		<Support>
			<Support.Content>
				<Support.Router>
					<Support.Page name="FAQ" component={FAQPage} />
					<Support.Page name="SETTINGS" component={SettingsPage} />
				</Support.Router>
			</Support.Content>
		</Support>
	);
}
