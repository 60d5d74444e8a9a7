import type { InboxConversation } from "@cossistant/core/agent";
import type { ConversationPriority, TimelineItem } from "@cossistant/types";
import { displayFileName } from "../conversation/file-name.ts";
import type { ContactCard } from "./contact-directory.ts";
import { visitorName } from "./visitor-name.ts";

export type InboxView = "open" | "resolved" | "all";
export type AssigneeFilter = "anyone" | "mine" | "unassigned";

/** What the inbox shows: a view, filters and a search. */
export interface InboxFilter {
	view: InboxView;
	priority: ConversationPriority | "any";
	/** A tag, or "any". */
	tag: string;
	assignee: AssigneeFilter;
	search: string;
}

export const DEFAULT_FILTER: InboxFilter = {
	view: "open",
	priority: "any",
	tag: "any",
	assignee: "anyone",
	search: "",
};

export interface FilterContext {
	userId: string;
	contact: (contactId: string) => ContactCard | undefined;
	/**
	 * Ids of conversations the server found for `filter.search` (it searches every message and
	 * note, which the device does not hold for every conversation). They pass the search even
	 * when the local text does not match; the view and the other filters still apply.
	 */
	serverMatches?: ReadonlySet<string>;
}

/**
 * The conversations a filter shows, in inbox order (already sorted by last activity).
 * Search matches the contact's name and email, the title and the last item's text, case- and
 * accent-insensitively, plus whatever the server matched ({@link FilterContext.serverMatches}).
 */
export function filterInbox(
	conversations: readonly InboxConversation[],
	filter: InboxFilter,
	context: FilterContext,
): InboxConversation[] {
	const terms = normalise(filter.search).split(/\s+/).filter(Boolean);
	return conversations.filter((conversation) => {
		if (filter.view !== "all" && conversation.status !== filter.view) return false;
		if (filter.priority !== "any" && conversation.priority !== filter.priority) return false;
		if (filter.tag !== "any" && !conversation.tags.includes(filter.tag)) return false;
		if (filter.assignee === "mine" && !conversation.assigneeIds.includes(context.userId))
			return false;
		if (filter.assignee === "unassigned" && conversation.assigneeIds.length > 0) return false;
		if (terms.length === 0) return true;
		if (context.serverMatches?.has(conversation.id)) return true;
		const card = conversation.contactId ? context.contact(conversation.contactId) : undefined;
		const haystack = normalise(
			[
				card?.name,
				card?.email,
				conversation.title,
				previewText(conversation.lastTimelineItem),
				conversation.visitorId,
				card?.name || card?.email ? null : visitorName(conversation.visitorId),
			]
				.filter(Boolean)
				.join(" "),
		);
		return terms.every((term) => haystack.includes(term));
	});
}

/** Conversations per view, and unread ones among the open. */
export function inboxCounts(conversations: readonly InboxConversation[]): {
	open: number;
	resolved: number;
	all: number;
	unread: number;
} {
	let open = 0;
	let unread = 0;
	for (const conversation of conversations) {
		if (conversation.status === "open") {
			open += 1;
			if (conversation.unread) unread += 1;
		}
	}
	return { open, resolved: conversations.length - open, all: conversations.length, unread };
}

/** Every tag used in the inbox, sorted (for the tag filter). */
export function allTags(conversations: readonly InboxConversation[]): string[] {
	const tags = new Set<string>();
	for (const conversation of conversations) for (const tag of conversation.tags) tags.add(tag);
	return [...tags].sort((a, b) => a.localeCompare(b));
}

/** One line that previews a timeline item. */
export function previewText(item: TimelineItem | null): string {
	if (!item) return "";
	const texts: string[] = [];
	for (const part of item.parts) {
		if (part.type === "text") texts.push(part.text);
		else if (part.type === "event") texts.push(part.message);
		else if (part.type === "image") texts.push(`📷 ${displayFileName(part.name) ?? "Image"}`);
		else if (part.type === "file") texts.push(`📎 ${displayFileName(part.name)}`);
	}
	return texts.join(" ").replace(/\s+/g, " ").slice(0, 200);
}

function normalise(text: string): string {
	return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
