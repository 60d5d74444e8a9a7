// Events: emitting custom events with useSupportEventEmitter (pages/custom-conversation.tsx).
"use client";

import { useSupportEventEmitter } from "@cossistant/next/support";

export function CustomConversationPage({ conversationId }: { conversationId: string }) {
	const emitter = useSupportEventEmitter();

	const handleSendMessage = async (message: string) => {
		try {
			const sentMessage = await sendMessage(conversationId, message);
			// Emit the event for other listeners
			emitter.emitMessageSent(conversationId, sentMessage);
		} catch (error) {
			emitter.emitError(error as Error, "message_send_failed");
		}
	};

	// The docs leave the markup out ("...your component"); a button calls the handler here.
	return (
		<button type="button" onClick={() => handleSendMessage("Hello from a custom page")}>
			Send from the custom page
		</button>
	);
}
