import type { ConversationSummary } from "@cossistant/core";
import { useMemo } from "react";
import { useConversations } from "./use-conversations.ts";

/** Options of `useHomePage()`. */
export interface UseHomePageOptions {
	/** Called by `startConversation` (e.g. to navigate to a new conversation). */
	onStartConversation?: (initialMessage?: string) => void;
	/** Called by `openConversation`. */
	onOpenConversation?: (conversationId: string) => void;
	/** Called by `openConversationHistory`. */
	onOpenConversationHistory?: () => void;
}

/** What `useHomePage()` returns. */
export interface UseHomePageResult {
	/** The visitor's conversations, most recent first. */
	conversations: ConversationSummary[];
	isLoading: boolean;
	error: Error | null;
	/** The most recent open conversation, else the most recent one. */
	lastOpenConversation: ConversationSummary | undefined;
	/** How many conversations there are besides `lastOpenConversation`. */
	availableConversationsCount: number;
	hasConversations: boolean;
	startConversation: (initialMessage?: string) => void;
	openConversation: (conversationId: string) => void;
	openConversationHistory: () => void;
}

/**
 * State and actions for a custom home page.
 *
 * @example
 * const home = useHomePage({
 *   onStartConversation: () => navigate({ page: "CONVERSATION", params: { conversationId: PENDING_CONVERSATION_ID } }),
 *   onOpenConversation: (id) => navigate({ page: "CONVERSATION", params: { conversationId: id } }),
 * });
 */
export function useHomePage(options: UseHomePageOptions = {}): UseHomePageResult {
	const { conversations, isLoading } = useConversations();
	const { onStartConversation, onOpenConversation, onOpenConversationHistory } = options;
	const lastOpenConversation = useMemo(
		() => conversations.find((c) => c.status === "open") ?? conversations[0],
		[conversations],
	);
	return {
		conversations,
		isLoading,
		error: null,
		lastOpenConversation,
		availableConversationsCount: Math.max(conversations.length - (lastOpenConversation ? 1 : 0), 0),
		hasConversations: conversations.length > 0,
		startConversation: (initialMessage) => onStartConversation?.(initialMessage),
		openConversation: (conversationId) => onOpenConversation?.(conversationId),
		openConversationHistory: () => onOpenConversationHistory?.(),
	};
}
