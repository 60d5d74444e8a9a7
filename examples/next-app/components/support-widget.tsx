"use client";

import { Support } from "@cossistant/next";
import "@/support-routes";
import { FaqPage } from "./faq-page";

/**
 * The widget of the signed-in area, with a custom FAQ page (docs: Routing & Pages). Compound
 * parts such as `Support.Page` are used from a Client Component.
 */
export function SupportWidget() {
	return (
		<Support quickOptions={["Where is my invoice?", "Open the FAQ"]}>
			<Support.Page name="FAQ" component={FaqPage} />
		</Support>
	);
}
