import type { Conversation } from "@cossistant/types";
import * as v from "valibot";
import type { Conversation as ConversationRow, Prisma } from "../generated/prisma/client.ts";
import { toConversationSummary } from "../persistence/conversation-rows.ts";
import type { Database } from "../persistence/database.ts";
import type { ConversationFilters } from "./conversation-filters.ts";
import { searchConversationPage } from "./conversation-search.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";

/**
 * An ISO date-time in UTC (`Z`, seconds required, any fraction), as `Date#toISOString` writes the
 * activity times cursors carry; leap days checked.
 */
const UTC_DATE_TIME_PATTERN =
	/^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z)$/;

/** Where a list cursor points: the last conversation of a page (its activity time and id). */
const positionSchema = v.strictObject({
	t: v.nullable(v.pipe(v.string(), v.regex(UTC_DATE_TIME_PATTERN))),
	i: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
});
type Position = v.InferOutput<typeof positionSchema>;

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
 * every cursor). With `filters.q`, the page is chosen by a search query
 * ({@link searchConversationPage}) with the same order, filters and cursor.
 */
export async function listConversations(
	db: Database,
	websiteIds: ReadonlySet<string>,
	filters: ConversationFilters,
): Promise<ConversationPage> {
	const position = filters.cursor ? decodeCursor(filters.cursor, positionSchema) : null;
	const rows = filters.q
		? await searchedRows(db, websiteIds, { ...filters, q: filters.q }, position)
		: await filteredRows(db, websiteIds, filters, position);
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

/** Up to `limit + 1` rows after `position` (one more tells whether a next page exists). */
async function filteredRows(
	db: Database,
	websiteIds: ReadonlySet<string>,
	filters: ConversationFilters,
	position: Position | null,
): Promise<ConversationRow[]> {
	const and: Prisma.ConversationWhereInput[] = [];
	if (position) and.push(after(position));
	const { assignee } = filters;
	return db.prisma.conversation.findMany({
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
}

/** {@link filteredRows} narrowed by a search: the ids come from one SQL query, in list order. */
async function searchedRows(
	db: Database,
	websiteIds: ReadonlySet<string>,
	filters: ConversationFilters & { q: string },
	position: Position | null,
): Promise<ConversationRow[]> {
	const ids = await searchConversationPage(db, websiteIds, filters, position, filters.limit + 1);
	if (ids.length === 0) return [];
	const rows = await db.prisma.conversation.findMany({
		where: { id: { in: ids }, websiteId: { in: [...websiteIds] } },
	});
	const byId = new Map(rows.map((row) => [row.id, row]));
	return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Rows strictly after a position in (lastItemAt DESC NULLS LAST, id DESC) order. */
function after(position: Position): Prisma.ConversationWhereInput {
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
