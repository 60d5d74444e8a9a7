import type { MessagePart, TimelineItem } from "@cossistant/types";

/** What a queued message is made of: the command's item id and parts, and who wrote it. */
export interface PendingItemInput {
	itemId: string;
	conversationId: string;
	parts: MessagePart[];
	/** `public` for messages, `private` for agents' internal notes. */
	visibility: TimelineItem["visibility"];
	/** Who "I" am, as actor fields: `{ visitorId }` or `{ userId }`. */
	author: { visitorId?: string | null; userId?: string | null };
	/** When it was queued (ms since the epoch); fractions of a millisecond are dropped. */
	queuedAt: number;
}

/**
 * The optimistic timeline item of a message the server has not applied yet: what the widget's
 * events carry, the views show as pending and the inbox shows as the last message. One builder
 * so that every copy has the same shape as the server's item that later replaces it (same id).
 *
 * `seq` is `Number.MAX_SAFE_INTEGER`: the server assigns the real one, and until then the item
 * sorts after every item of its instant (see compareTimelineItems).
 */
export function pendingItem(input: PendingItemInput): TimelineItem {
	// The outbox adds fractions of a millisecond to keep commands queued in one millisecond in
	// order; an item's time is whole milliseconds, as the server's are.
	const at = new Date(Math.floor(input.queuedAt)).toISOString();
	return {
		id: input.itemId,
		conversationId: input.conversationId,
		seq: Number.MAX_SAFE_INTEGER,
		type: "message",
		parts: input.parts,
		visibility: input.visibility,
		visitorId: input.author.visitorId ?? null,
		userId: input.author.userId ?? null,
		aiAgentId: null,
		createdAt: at,
		updatedAt: at,
	};
}
