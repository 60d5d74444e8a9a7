import type { Command, TimelineItem } from "@cossistant/types";
import type { OutboxEntry } from "../outbox/outbox.ts";
import { withServerUrls } from "../uploads/server-url.ts";
import { type PendingItemInput, pendingItem } from "./pending-item.ts";
import { inTimelineOrder } from "./timeline-order.ts";

/** Delivery state of one of my messages: queued → sent → seen, or failed. */
export type DeliveryState = "queued" | "sent" | "seen" | "failed";

/** A timeline item as the UI shows it: the server's copy, or my pending copy (optimistic). */
export interface TimelineItemView extends TimelineItem {
	/** true while only the local (pending) copy exists. */
	pending: boolean;
	/** For my own messages only. */
	delivery: DeliveryState | null;
	/** The server's reason when `delivery === "failed"`. */
	failure: { code: string; reason: string; retryable: boolean } | null;
	/** Command to retry / discard a failed or queued message. */
	commandId: string | null;
}

export interface TimelineInputs {
	shared: readonly TimelineItem[];
	/** Outbox entries (any conversation; filtered here). */
	pending: Iterable<OutboxEntry>;
	conversationId: string;
	/** Who "I" am, as actor fields: `{ visitorId }` or `{ userId }`. */
	self: { visitorId?: string; userId?: string };
	/** Latest time someone other than me marked the conversation seen (ISO) or null. */
	seenByOthersAt: string | null;
	/** The REST base: attachments' server paths (`/v1/uploads/…`) are resolved against it. */
	apiUrl?: string;
}

/**
 * `shared state ⊕ pending commands`: the server's items in timeline order (`createdAt`, ties by
 * `seq`: see compareTimelineItems), then my messages still queued or failed, in the order I
 * wrote them: they have no server time yet, so they stay last. A pending copy disappears as soon as the server's copy (same item id)
 * exists, so nothing shows twice.
 */
export function buildTimelineView(input: TimelineInputs): TimelineItemView[] {
	const sharedIds = new Set<string>();
	const views: TimelineItemView[] = [];
	const seenAt = input.seenByOthersAt ? Date.parse(input.seenByOthersAt) : Number.NEGATIVE_INFINITY;
	for (const item of inTimelineOrder(input.shared)) {
		sharedIds.add(item.id);
		const mine = isMine(item, input.self);
		views.push({
			...item,
			parts: withServerUrls(item.parts, input.apiUrl),
			pending: false,
			delivery: mine ? (isSeen(item.createdAt, seenAt) ? "seen" : "sent") : null,
			failure: null,
			commandId: null,
		});
	}
	for (const entry of input.pending) {
		for (const message of pendingMessages(entry.command, input.conversationId)) {
			if (sharedIds.has(message.itemId) || entry.state === "sent") continue;
			const item = pendingItem({
				...message,
				conversationId: input.conversationId,
				author: input.self,
				queuedAt: entry.queuedAt,
			});
			views.push({
				...item,
				parts: withServerUrls(item.parts, input.apiUrl),
				pending: true,
				delivery: entry.state === "failed" ? "failed" : "queued",
				failure: entry.failure ?? null,
				commandId: entry.command.id,
			});
		}
	}
	return views;
}

/** Whether an item created at `createdAt` (ISO) was seen by `seenAt` (ms); no parse when nobody saw. */
function isSeen(createdAt: string, seenAt: number): boolean {
	return seenAt !== Number.NEGATIVE_INFINITY && Date.parse(createdAt) <= seenAt;
}

/** Whether an item was written by `self`. */
export function isMine(
	item: Pick<TimelineItem, "visitorId" | "userId">,
	self: TimelineInputs["self"],
): boolean {
	return (
		(self.visitorId !== undefined && item.visitorId === self.visitorId) ||
		(self.userId !== undefined && item.userId === self.userId)
	);
}

/** Messages a pending command will create in `conversationId`. */
function pendingMessages(
	command: Command,
	conversationId: string,
): Array<Pick<PendingItemInput, "itemId" | "parts" | "visibility">> {
	if (!("conversationId" in command) || command.conversationId !== conversationId) return [];
	switch (command.type) {
		case "message.send":
			return [{ itemId: command.itemId, parts: command.parts, visibility: "public" }];
		case "note.add":
			return [{ itemId: command.itemId, parts: command.parts, visibility: "private" }];
		case "conversation.start":
			return command.initialMessage
				? [
						{
							itemId: command.initialMessage.itemId,
							parts: command.initialMessage.parts,
							visibility: "public",
						},
					]
				: [];
		default:
			return [];
	}
}

/** Messages from others that arrived after `mySeenAt` (ISO; null = never seen). */
export function countUnread(
	items: readonly TimelineItem[],
	self: TimelineInputs["self"],
	mySeenAt: string | null,
): number {
	const since = mySeenAt ? Date.parse(mySeenAt) : Number.NEGATIVE_INFINITY;
	let count = 0;
	for (const item of items) {
		if (item.type === "message" && !isMine(item, self) && Date.parse(item.createdAt) > since)
			count += 1;
	}
	return count;
}
