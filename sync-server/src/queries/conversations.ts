import type { Conversation, ListConversationsQuery } from "@cossistant/types";
import * as z from "zod";
import { toConversationSummary } from "../commands/conversation-rows.ts";
import type { Conversation as ConversationRow, Prisma } from "../generated/prisma/client.ts";
import type { Database } from "../persistence/database.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";

/** Where a list cursor points: the last conversation of a page (its activity time and id). */
const positionSchema = z.strictObject({
	t: z.iso.datetime().nullable(),
	i: z.string().min(1).max(64),
});

/** Filters of a conversation list, resolved (`assignee: "me"` is a user id by now). */
export interface ConversationFilters
	extends Omit<ListConversationsQuery, "assignee" | "websiteId"> {
	assignee?: { unassigned: true } | { userId: string };
}

/** A page of conversations and the cursor of the next one. */
export interface ConversationPage {
	conversations: Conversation[];
	nextCursor: string | null;
}

/** A conversation of one of `websiteIds`, or null: another website's id is not revealed. */
export async function findTeamConversation(
	db: Database,
	websiteIds: ReadonlySet<string>,
	id: string,
): Promise<ConversationRow | null> {
	const row = await db.prisma.conversation.findUnique({ where: { id } });
	return row && websiteIds.has(row.websiteId) ? row : null;
}

/**
 * One page of the conversations of `websiteIds` matching `filters`, newest activity first.
 * Keyset pagination on (lastItemAt DESC NULLS LAST, id DESC): a total order, so pages never
 * repeat or skip a conversation whose activity did not change meanwhile (one that moves to
 * the top after the first page was read is not seen again in this pass: it is newer than
 * every cursor).
 */
export async function listConversations(
	db: Database,
	websiteIds: ReadonlySet<string>,
	filters: ConversationFilters,
): Promise<ConversationPage> {
	const and: Prisma.ConversationWhereInput[] = [];
	if (filters.cursor) and.push(after(decodeCursor(filters.cursor, positionSchema)));
	const { assignee } = filters;
	const rows = await db.prisma.conversation.findMany({
		where: {
			websiteId: { in: [...websiteIds] },
			...(filters.status ? { status: filters.status } : {}),
			...(filters.priority ? { priority: filters.priority } : {}),
			...(filters.tag ? { tags: { has: filters.tag } } : {}),
			...(filters.contactId ? { contactId: filters.contactId } : {}),
			...(filters.visitorId ? { visitorId: filters.visitorId } : {}),
			...(assignee
				? {
						assigneeIds: "unassigned" in assignee ? { isEmpty: true } : { has: assignee.userId },
					}
				: {}),
			AND: and,
		},
		orderBy: [{ lastItemAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
		take: filters.limit + 1,
	});
	const page = rows.slice(0, filters.limit);
	const last = page.at(-1);
	return {
		conversations: page.map(toConversationSummary),
		nextCursor:
			rows.length > filters.limit && last
				? encodeCursor({ t: last.lastItemAt?.toISOString() ?? null, i: last.id })
				: null,
	};
}

/** Rows strictly after a position in (lastItemAt DESC NULLS LAST, id DESC) order. */
function after(position: z.infer<typeof positionSchema>): Prisma.ConversationWhereInput {
	if (position.t === null) return { lastItemAt: null, id: { lt: position.i } };
	const at = new Date(position.t);
	return {
		OR: [
			{ lastItemAt: { lt: at } },
			{ lastItemAt: at, id: { lt: position.i } },
			{ lastItemAt: null },
		],
	};
}
