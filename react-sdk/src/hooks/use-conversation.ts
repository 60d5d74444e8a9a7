import type { ConversationViewState } from "@cossistant/core";
import { useSupportSession } from "../provider/support-context.ts";
import { useStore } from "../provider/use-store.ts";
import { PENDING_CONVERSATION_ID } from "../widget/routes.ts";

const EMPTY: ConversationViewState = {
	conversationId: "",
	phase: "pending",
	loaded: false,
	conversation: null,
	items: [],
	unreadCount: 0,
	typing: [],
};

/** What `useConversation()` returns: the core's conversation view state. */
export type UseConversationResult = ConversationViewState;

/**
 * The live view of one conversation: items (with delivery states), record, unread count and
 * who is typing. Empty for the pending id or before the bootstrap.
 *
 * @example
 * const { items, typing } = useConversation(conversationId);
 */
export function useConversation(conversationId: string | null): ConversationViewState {
	const { client, ready } = useSupportSession("useConversation");
	const active = ready && client && conversationId && conversationId !== PENDING_CONVERSATION_ID;
	return useStore(
		active ? client.conversation(conversationId).state : null,
		(state) => state ?? EMPTY,
	);
}
