import { renameLegacyFileName, type TimelineItem } from "@cossistant/types";
import * as v from "valibot";
import type { TimelineItem as TimelineItemRow } from "../generated/prisma/client.ts";
import type { Database } from "../persistence/database.ts";
import { decodeCursor, encodeCursor, invalidCursor } from "./cursor.ts";

/**
 * Where a timeline cursor points: the last item of a page (`t`: its `createdAt` in ms, `s`: its
 * `seq`), in the page's order.
 */
const positionSchema = v.strictObject({
	t: v.pipe(v.number(), v.safeInteger()),
	s: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
	o: v.picklist(["asc", "desc"]),
});

/** A page of a conversation's timeline and the cursor of the next one. */
export interface TimelinePage {
	items: TimelineItem[];
	nextCursor: string | null;
}

/**
 * One page of a conversation's timeline in timeline order: `createdAt`, ties broken by `seq`
 * (the server's per-conversation sequence), internal notes included: callers are the support
 * team only, never visitors. The server appends in `seq` order, which agrees with `createdAt`
 * unless its clock stepped back; the documented key decides.
 */
export async function timelinePage(
	db: Database,
	conversationId: string,
	query: { limit: number; cursor?: string | undefined; order: "asc" | "desc" },
): Promise<TimelinePage> {
	const position = query.cursor ? decodeCursor(query.cursor, positionSchema) : null;
	// A cursor continues the order it was made in; mixing orders would skip items.
	if (position && position.o !== query.order) throw invalidCursor();
	// Strictly after the cursor's item in the page's order.
	const beyond = <T>(value: T) => (query.order === "asc" ? { gt: value } : { lt: value });
	const rows = await db.prisma.timelineItem.findMany({
		where: {
			conversationId,
			...(position
				? {
						OR: [
							{ createdAt: beyond(new Date(position.t)) },
							{ createdAt: new Date(position.t), seq: beyond(position.s) },
						],
					}
				: {}),
		},
		orderBy: [{ createdAt: query.order }, { seq: query.order }],
		take: query.limit + 1,
	});
	const page = rows.slice(0, query.limit);
	const last = page.at(-1);
	return {
		items: page.map(toTimelineItem),
		nextCursor:
			rows.length > query.limit && last
				? encodeCursor({ t: last.createdAt.getTime(), s: last.seq, o: query.order })
				: null,
	};
}

/** One stored item by id (in its conversation), as the API returns it. */
export async function findTimelineItem(
	db: Database,
	conversationId: string,
	id: string,
): Promise<TimelineItem | null> {
	const row = await db.prisma.timelineItem.findUnique({ where: { id } });
	return row && row.conversationId === conversationId ? toTimelineItem(row) : null;
}

/** A timeline row as the API and the documents carry it. */
export function toTimelineItem(row: TimelineItemRow): TimelineItem {
	return {
		id: row.id,
		conversationId: row.conversationId,
		seq: row.seq,
		type: row.type as TimelineItem["type"],
		// Rows stored before parts were named `name` are answered with `name` (see types).
		parts: (row.parts as unknown[]).map(renameLegacyFileName) as TimelineItem["parts"],
		visibility: row.visibility as TimelineItem["visibility"],
		visitorId: row.visitorId,
		userId: row.userId,
		aiAgentId: row.aiAgentId,
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString(),
	};
}
