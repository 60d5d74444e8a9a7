// Events: Google Analytics 4 (components/ga-tracker.tsx).
"use client";

import { Support } from "@cossistant/next";

export function SupportWithGA() {
	return (
		<Support
			onConversationStart={({ conversationId }) => {
				gtag("event", "support_conversation_start", {
					conversation_id: conversationId,
				});
			}}
			onMessageSent={({ conversationId, message }) => {
				gtag("event", "support_message_sent", {
					conversation_id: conversationId,
					message_id: message.id,
				});
			}}
		/>
	);
}
