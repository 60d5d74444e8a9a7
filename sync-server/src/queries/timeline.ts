import { renameLegacyFileName, type TimelineItem } from "@cossistant/types";
import * as z from "zod";
import type { TimelineItem as TimelineItemRow } from "../generated/prisma/client.ts";
import type { Database } from "../persistence/database.ts";
import { decodeCursor, encodeCursor, invalidCursor } from "./cursor.ts";

/** Where a timeline cursor points: the last `seq` of a page, in the page's order. */
const positionSchema = z.strictObject({
	s: z.number().int().nonnegative(),
	o: z.enum(["asc", "desc"]),
});

/** A page of a conversation's timeline and the cursor of the next one. */
export interface TimelinePage {
	items: TimelineItem[];
	nextCursor: string | null;
}

/**
 * One page of a conversation's timeline by `seq` (the server's per-conversation order),
 * internal notes included: callers are the support team only, never visitors.
 */
export async function timelinePage(
	db: Database,
	conversationId: string,
	query: { limit: number; cursor?: string | undefined; order: "asc" | "desc" },
): Promise<TimelinePage> {
	const position = query.cursor ? decodeCursor(query.cursor, positionSchema) : null;
	// A cursor continues the order it was made in; mixing orders would skip items.
	if (position && position.o !== query.order) throw invalidCursor();
	const rows = await db.prisma.timelineItem.findMany({
		where: {
			conversationId,
			...(position ? { seq: query.order === "asc" ? { gt: position.s } : { lt: position.s } } : {}),
		},
		orderBy: { seq: query.order },
		take: query.limit + 1,
	});
	const page = rows.slice(0, query.limit);
	const last = page.at(-1);
	return {
		items: page.map(toTimelineItem),
		nextCursor:
			rows.length > query.limit && last ? encodeCursor({ s: last.seq, o: query.order }) : null,
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
