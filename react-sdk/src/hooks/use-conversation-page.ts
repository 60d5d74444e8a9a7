import type { TimelineItemView, Typer } from "@cossistant/core";
import type { Conversation, DefaultMessage } from "@cossistant/types";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useSupportSession } from "../provider/support-context.ts";
import { useStore } from "../provider/use-store.ts";
import { toError } from "../utils/errors.ts";
import { PENDING_CONVERSATION_ID } from "../widget/routes.ts";
import { useAutoSeen } from "./use-auto-seen.ts";
import { useConversation } from "./use-conversation.ts";
import { type UseMessageComposerResult, useMessageComposer } from "./use-message-composer.ts";
import { useSupportConfig } from "./use-support-config.ts";

/** Options of `useConversationPage()`. */
export interface UseConversationPageOptions {
	/** A conversation id, or `PENDING_CONVERSATION_ID` for a conversation not started yet. */
	conversationId: string;
	/** Sent as the first message of a pending conversation, once, on mount. */
	initialMessage?: string;
	/** The pending conversation now has an id (update the route or URL). */
	onConversationIdChange?: (conversationId: string) => void;
	/** Mark messages seen while shown. @default true (and only while the widget is open) */
	autoSeenEnabled?: boolean;
}

/** The composer part of `useConversationPage()`. */
export type MessageComposer = Pick<
	UseMessageComposerResult,
	| "message"
	| "files"
	| "isSubmitting"
	| "isUploading"
	| "canSubmit"
	| "setMessage"
	| "addFiles"
	| "removeFile"
	| "submit"
	| "sendText"
	| "uploadProgress"
>;

/** What `useConversationPage()` returns. */
export interface UseConversationPageResult {
	/** The conversation's id (the new id once a pending conversation was started). */
	conversationId: string;
	/** true until the visitor's first message starts the conversation. */
	isPending: boolean;
	/** Welcome messages (before the start), then the timeline with delivery states. */
	items: TimelineItemView[];
	conversation: Conversation | null;
	isLoading: boolean;
	error: Error | null;
	composer: MessageComposer;
	hasItems: boolean;
	lastTimelineItem: TimelineItemView | null;
	/** Agents typing now. */
	typing: Typer[];
	unreadCount: number;
}

/** Welcome messages as timeline items (ids prefixed `default:`; never sent until the start). */
function defaultItems(conversationId: string, messages: DefaultMessage[]): TimelineItemView[] {
	const at = new Date(0).toISOString();
	return messages.map((message, index) => ({
		id: `default:${index}`,
		conversationId,
		seq: index + 1,
		type: "message",
		parts: [{ type: "text", text: message.content }],
		visibility: "public",
		visitorId: null,
		userId: null,
		aiAgentId: null,
		createdAt: at,
		updatedAt: at,
		pending: false,
		delivery: null,
		failure: null,
		commandId: null,
	}));
}

/**
 * Everything a conversation page needs: pending → started lifecycle, timeline with delivery
 * states, typing, automatic seen receipts and the composer.
 *
 * @example
 * const conversation = useConversationPage({ conversationId });
 * conversation.items.map((item) => <Message key={item.id} item={item} />);
 */
export function useConversationPage(
	options: UseConversationPageOptions,
): UseConversationPageResult {
	const { client, ready, widget } = useSupportSession("useConversationPage");
	const { isOpen } = useSupportConfig();
	const { conversationId, initialMessage, autoSeenEnabled = true } = options;
	const propPending = conversationId === PENDING_CONVERSATION_ID;
	const [createdId, setCreatedId] = useState<string | null>(null);
	const activeId = propPending ? (createdId ?? PENDING_CONVERSATION_ID) : conversationId;
	const isPending = activeId === PENDING_CONVERSATION_ID;
	const view = useConversation(isPending ? null : activeId);
	const defaultMessages = useStore(widget, (state) => state?.defaultMessages ?? []);
	const onChange = useRef(options.onConversationIdChange);
	onChange.current = options.onConversationIdChange;

	const started = useCallback((id: string) => {
		setCreatedId(id);
		onChange.current?.(id);
	}, []);
	const composer = useMessageComposer({
		conversationId: activeId,
		defaultMessages,
		onConversationInitiated: started,
	});

	const sentInitial = useRef<string | null>(null);
	useEffect(() => {
		const text = initialMessage?.trim();
		if (!client || !isPending || !text || sentInitial.current === text) return;
		sentInitial.current = text;
		client
			.startConversation({
				initialMessage: text,
				...(defaultMessages.length ? { defaultMessages } : {}),
			})
			.then(started, (error) =>
				client.events.emitError(toError(error), "conversation_start_failed"),
			);
	}, [client, isPending, initialMessage, defaultMessages, started]);

	useAutoSeen(client, isPending ? null : activeId, ready && autoSeenEnabled && isOpen);

	const items = useMemo(() => {
		// Until the server applied the start, show the welcome messages it will store.
		const showDefaults = isPending || (view.phase === "pending" && createdId === activeId);
		return showDefaults ? [...defaultItems(activeId, defaultMessages), ...view.items] : view.items;
	}, [isPending, view.phase, view.items, createdId, activeId, defaultMessages]);

	return {
		conversationId: activeId,
		isPending,
		items,
		conversation: view.conversation,
		isLoading: !isPending && view.phase === "ready" && !view.loaded,
		error: composer.error,
		composer,
		hasItems: items.length > 0,
		lastTimelineItem: items.at(-1) ?? null,
		typing: view.typing,
		unreadCount: view.unreadCount,
	};
}
