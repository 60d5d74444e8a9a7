// Events: Segment (components/segment-support.tsx). `hasAttachments` reads the message's parts,
// as the overview page writes it: messages have no `attachments` field (the Events page's form).
"use client";

import { Support } from "@cossistant/next";
import { analytics } from "./analytics";

export function SupportWithSegment() {
	return (
		<Support
			onConversationStart={({ conversationId }) => {
				analytics.track("Support Conversation Started", {
					conversationId,
				});
			}}
			onConversationEnd={({ conversationId }) => {
				analytics.track("Support Conversation Ended", {
					conversationId,
				});
			}}
			onMessageSent={({ conversationId, message }) => {
				analytics.track("Support Message Sent", {
					conversationId,
					messageId: message.id,
					hasAttachments: message.parts.some(
						(part) => part.type === "image" || part.type === "file",
					),
				});
			}}
		/>
	);
}
