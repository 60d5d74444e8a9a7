import type { ListConversationsQuery } from "@cossistant/types";

/** Filters of a conversation list, resolved (`assignee: "me"` is a user id by now). */
export interface ConversationFilters
	extends Omit<ListConversationsQuery, "assignee" | "websiteId"> {
	assignee?: { unassigned: true } | { userId: string };
}
