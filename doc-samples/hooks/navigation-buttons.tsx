// Hooks: useSupportNavigation (components/navigation-buttons.tsx).
"use client";

import { useSupportNavigation } from "@cossistant/next/support";

export function NavigationButtons() {
	const { page, navigate, goBack, canGoBack } = useSupportNavigation();

	return (
		<div className="flex gap-2">
			{canGoBack && <button onClick={goBack}>← Back</button>}
			<span>Current page: {page}</span>
			<button onClick={() => navigate({ page: "HOME" })}>Go Home</button>
			<button
				onClick={() =>
					navigate({
						page: "CONVERSATION",
						params: { conversationId: "conv_123" },
					})
				}
			>
				Open Conversation
			</button>
		</div>
	);
}
