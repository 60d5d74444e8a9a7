"use client";

import { useSupport, useSupportNavigation } from "@cossistant/next";
import "@/support-routes";

/** Opens the widget on its custom FAQ page, from anywhere in the app. */
export function OpenFaqButton() {
	const { navigate } = useSupportNavigation();
	const { open } = useSupport();
	return (
		<button
			type="button"
			onClick={() => {
				navigate({ page: "FAQ" });
				open();
			}}
		>
			Open the FAQ
		</button>
	);
}
