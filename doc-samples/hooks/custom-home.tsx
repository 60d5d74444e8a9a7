// Hooks: useHomePage (pages/custom-home.tsx).
"use client";

import { useHomePage } from "@cossistant/next";

export function CustomHomePage() {
	const home = useHomePage({
		onStartConversation: () => console.log("Conversation started"),
		onOpenConversation: (id) => console.log("Opened:", id),
	});

	return (
		<div>
			<h1>Welcome!</h1>

			{home.lastOpenConversation && (
				<button onClick={() => home.openConversation(home.lastOpenConversation!.id)}>
					Continue conversation
				</button>
			)}

			<button onClick={() => home.startConversation()}>Start new conversation</button>

			{home.availableConversationsCount > 0 && (
				<button onClick={home.openConversationHistory}>
					View {home.availableConversationsCount} conversations
				</button>
			)}
		</div>
	);
}
