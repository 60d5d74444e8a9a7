import { conversationListResponseSchema } from "@cossistant/types";
import * as v from "valibot";
import type { TeamRequest } from "../api/team-request.ts";
import type { InboxFilter } from "./inbox-filter.ts";

/** The server's limit on `q` (`GET /v1/conversations`). */
export const SERVER_SEARCH_MAX_LENGTH = 200;

/** Conversations per page asked of the server (its maximum). */
const PAGE_SIZE = 100;

/**
 * The `GET /v1/conversations` path that searches the server for `filter.search` on one website,
 * with the view and filters the inbox applies anyway (so the pages hold conversations the inbox
 * can show), or null when there is nothing to search.
 */
export function serverSearchPath(websiteId: string, filter: InboxFilter): string | null {
	const q = filter.search.trim().slice(0, SERVER_SEARCH_MAX_LENGTH).trim();
	if (q === "") return null;
	const params = new URLSearchParams({ q, websiteId, limit: String(PAGE_SIZE) });
	if (filter.view !== "all") params.set("status", filter.view);
	if (filter.priority !== "any") params.set("priority", filter.priority);
	if (filter.tag !== "any") params.set("tag", filter.tag);
	if (filter.assignee === "mine") params.set("assignee", "me");
	else if (filter.assignee === "unassigned") params.set("assignee", "unassigned");
	return `/conversations?${params.toString()}`;
}

/**
 * The ids of the conversations the server finds for `path` (from {@link serverSearchPath}),
 * newest activity first, at most `maxPages` pages. `isStale` is asked between pages so a
 * search the agent has typed past stops early. Rejects like {@link TeamRequest}, and when the
 * answer is not a conversation list.
 */
export async function fetchServerMatches(
	request: TeamRequest,
	path: string,
	options: { maxPages?: number; isStale?: () => boolean } = {},
): Promise<Set<string>> {
	const ids = new Set<string>();
	let cursor: string | null = null;
	for (let page = 0; page < (options.maxPages ?? 3); page++) {
		const answer: unknown = await request(
			cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path,
		);
		const parsed = v.safeParse(conversationListResponseSchema, answer);
		if (!parsed.success) throw new Error("The server's search answer is not a conversation list.");
		for (const conversation of parsed.output.conversations) ids.add(conversation.id);
		cursor = parsed.output.nextCursor;
		if (!cursor || options.isStale?.()) break;
	}
	return ids;
}
