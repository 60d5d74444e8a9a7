import { Prisma } from "../generated/prisma/client.ts";
import type { Database } from "../persistence/database.ts";
import type { ConversationFilters } from "./conversation-filters.ts";

/** Where a list page starts: after this (activity time, id), in list order. */
export interface ListPosition {
	t: string | null;
	i: string;
}

/**
 * The ids of one page of conversations of `websiteIds` matching `filters` and the search text
 * `filters.q`, in list order (lastItemAt DESC NULLS LAST, id DESC), at most `take` of them.
 *
 * The search is one SQL query rather than a Prisma filter because it looks inside the JSON
 * `parts` of every timeline item (Prisma cannot express "some array element's `text`
 * contains"), and it must stay one query so the filters, the keyset cursor and the limit apply
 * together (a list of matching ids fed back to Prisma would grow with the website).
 * A conversation matches when any of its items (internal notes included: only the team calls
 * this) has a text part containing `q`, or its title or contact's name or email does;
 * case-insensitive, `%` and `_` literal. The website scope is always part of the query.
 */
export async function searchConversationPage(
	db: Database,
	websiteIds: ReadonlySet<string>,
	filters: ConversationFilters & { q: string },
	position: ListPosition | null,
	take: number,
): Promise<string[]> {
	if (websiteIds.size === 0) return [];
	const pattern = `%${escapeLike(filters.q)}%`;
	const where: Prisma.Sql[] = [Prisma.sql`c."websiteId" IN (${Prisma.join([...websiteIds])})`];
	if (filters.status) where.push(Prisma.sql`c."status" = ${filters.status}`);
	if (filters.priority) where.push(Prisma.sql`c."priority" = ${filters.priority}`);
	if (filters.tag) where.push(Prisma.sql`${filters.tag} = ANY(c."tags")`);
	if (filters.contactId) where.push(Prisma.sql`c."contactId" = ${filters.contactId}`);
	if (filters.visitorId) where.push(Prisma.sql`c."visitorId" = ${filters.visitorId}`);
	const { assignee } = filters;
	if (assignee && "unassigned" in assignee) {
		where.push(Prisma.sql`coalesce(cardinality(c."assigneeIds"), 0) = 0`);
	} else if (assignee) {
		where.push(Prisma.sql`${assignee.userId} = ANY(c."assigneeIds")`);
	}
	if (position) where.push(afterPosition(position));
	where.push(Prisma.sql`(
		c."title" ILIKE ${pattern} ESCAPE '!'
		OR ct."name" ILIKE ${pattern} ESCAPE '!'
		OR ct."email" ILIKE ${pattern} ESCAPE '!'
		OR EXISTS (
			SELECT 1
			FROM "TimelineItem" t
			CROSS JOIN LATERAL jsonb_array_elements(
				CASE WHEN jsonb_typeof(t."parts") = 'array' THEN t."parts" ELSE '[]'::jsonb END
			) AS part
			WHERE t."conversationId" = c."id"
				AND part->>'type' = 'text'
				AND part->>'text' ILIKE ${pattern} ESCAPE '!'
		)
	)`);
	const rows = await db.prisma.$queryRaw<Array<{ id: string }>>`
		SELECT c."id"
		FROM "Conversation" c
		LEFT JOIN "Contact" ct ON ct."id" = c."contactId"
		WHERE ${Prisma.join(where, " AND ")}
		ORDER BY c."lastItemAt" DESC NULLS LAST, c."id" DESC
		LIMIT ${take}
	`;
	return rows.map((row) => row.id);
}

/** `text` as a literal inside an ILIKE pattern whose escape character is `!`. */
export function escapeLike(text: string): string {
	return text.replace(/[!%_]/g, (character) => `!${character}`);
}

/** Rows strictly after a position in (lastItemAt DESC NULLS LAST, id DESC) order. */
function afterPosition(position: ListPosition): Prisma.Sql {
	if (position.t === null) return Prisma.sql`(c."lastItemAt" IS NULL AND c."id" < ${position.i})`;
	const at = Prisma.sql`${position.t}::timestamptz`;
	return Prisma.sql`(
		c."lastItemAt" < ${at}
		OR (c."lastItemAt" = ${at} AND c."id" < ${position.i})
		OR c."lastItemAt" IS NULL
	)`;
}
