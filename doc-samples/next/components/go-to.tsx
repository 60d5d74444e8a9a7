// Test scaffolding, not a docs sample: opens the widget on a page, as the app's own navigation
// would (`useSupportNavigation` and `useSupportConfig` work anywhere under SupportProvider).
"use client";

import { useSupportConfig, useSupportNavigation } from "@cossistant/next";

export function GoTo({ page }: { page: "FAQ" | "HELP" }) {
	const { navigate } = useSupportNavigation();
	const { open } = useSupportConfig();
	return (
		<button
			type="button"
			onClick={() => {
				navigate({ page });
				open();
			}}
		>
			Go to {page}
		</button>
	);
}
