// Customization, custom pages with <Support.Page>. "use client" (not in the docs): the dotted parts and render functions
// cannot be used from a Server Component; app/customization/custom-pages/page.tsx renders it.
"use client";

import { Support, useSupportNavigation } from "@cossistant/next";

// Exported (not in the docs) for the router sample.
export const FAQPage = () => {
	const { goBack } = useSupportNavigation();
	return (
		<div className="p-4">
			<button onClick={goBack} type="button">
				← Back
			</button>
			<h1>Frequently Asked Questions</h1>
		</div>
	);
};

// The docs show the element alone; a component renders it here.
export default function CustomPages() {
	return (
		<Support>
			<Support.Page name="FAQ" component={FAQPage} />
		</Support>
	);
}
