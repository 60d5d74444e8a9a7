import type { CossistantClient } from "@cossistant/core";
import { useEffect } from "react";

/**
 * Marks a conversation seen while it is on screen (widget open, page visible) and has unread
 * messages, so agents get the read receipt and the trigger's badge clears. The core does the
 * work (`setConversationVisible`: throttled, with a trailing mark so none is lost); this hook
 * only says when the conversation is shown.
 */
export function useAutoSeen(
	client: CossistantClient | null,
	conversationId: string | null,
	enabled: boolean,
): void {
	useEffect(() => {
		if (!client || !conversationId || !enabled) return;
		client.setConversationVisible(conversationId, true);
		return () => client.setConversationVisible(conversationId, false);
	}, [client, conversationId, enabled]);
}
