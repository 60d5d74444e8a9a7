// Events: callback props on <Support> (app/layout.tsx in the docs).
"use client";

import { Support } from "@cossistant/next";

export function SupportWidget() {
	return (
		<Support
			onConversationStart={({ conversationId }) => {
				analytics.track("support_conversation_started", { conversationId });
			}}
			onConversationEnd={({ conversationId }) => {
				analytics.track("support_conversation_ended", { conversationId });
			}}
			onMessageSent={({ conversationId, message }) => {
				analytics.track("support_message_sent", {
					conversationId,
					messageId: message.id,
				});
			}}
			onMessageReceived={({ conversationId, message }) => {
				analytics.track("support_message_received", {
					conversationId,
					messageId: message.id,
				});
			}}
			onError={({ error, context }) => {
				logger.error("Support widget error", { error, context });
			}}
		/>
	);
}
