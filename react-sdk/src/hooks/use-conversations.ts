import type { ConversationSummary } from "@cossistant/core";
import { useSupportSession } from "../provider/support-context.ts";
import { useStore } from "../provider/use-store.ts";

const NONE: ConversationSummary[] = [];

/** What `useConversations()` returns. */
export interface UseConversationsResult {
	/** Most recent activity first; conversations started offline are included (`pending`). */
	conversations: ConversationSummary[];
	/** true until the visitor is bootstrapped. */
	isLoading: boolean;
}

/**
 * The visitor's conversations (cross-device once identified), live.
 *
 * @example
 * const { conversations } = useConversations();
 */
export function useConversations(): UseConversationsResult {
	const { client, ready } = useSupportSession("useConversations");
	const conversations = useStore(
		ready && client ? client.conversations.state : null,
		(state) => state?.conversations ?? NONE,
	);
	return { conversations, isLoading: !ready };
}
