import {
	type Conversation,
	type TimelineItem,
	withLegacyFileNamesRenamed,
} from "@cossistant/types";
import type { Conversation as ConversationRow, Prisma } from "../generated/prisma/client.ts";

/** The public conversation record (docs: Types → Conversation) from a row. */
export function toConversationSummary(row: ConversationRow): Conversation {
	return {
		id: row.id,
		websiteId: row.websiteId,
		visitorId: row.visitorId,
		contactId: row.contactId,
		title: row.title,
		status: row.status as Conversation["status"],
		priority: row.priority as Conversation["priority"],
		tags: [...row.tags],
		participantIds: [...row.participantIds],
		assigneeIds: [...row.assigneeIds],
		// A preview stored before parts were named `name` is answered with `name` (see types).
		lastTimelineItem: row.lastTimelineItem
			? withLegacyFileNamesRenamed(row.lastTimelineItem as unknown as TimelineItem)
			: null,
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString(),
		resolvedAt: row.resolvedAt ? row.resolvedAt.toISOString() : null,
	};
}

export function toConversationInput(row: ConversationRow) {
	return {
		id: row.id,
		websiteId: row.websiteId,
		visitorId: row.visitorId,
		contactId: row.contactId,
		title: row.title,
		status: row.status,
		priority: row.priority,
		tags: row.tags,
		assigneeIds: row.assigneeIds,
		participantIds: row.participantIds,
		lastSeq: row.lastSeq,
		lastTimelineItem: (row.lastTimelineItem ?? undefined) as Prisma.InputJsonValue | undefined,
		lastItemAt: row.lastItemAt,
		resolvedAt: row.resolvedAt,
		resolvedById: row.resolvedById,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
	};
}
