// Events: PostHog (components/posthog-support.tsx).
"use client";

import { Support } from "@cossistant/next";
import { usePostHog } from "posthog-js/react";

export function SupportWithPostHog() {
	const posthog = usePostHog();

	return (
		<Support
			onConversationStart={({ conversationId }) => {
				posthog.capture("support_conversation_started", {
					conversationId,
				});
			}}
			onMessageSent={({ conversationId }) => {
				posthog.capture("support_message_sent", {
					conversationId,
				});
			}}
		/>
	);
}
