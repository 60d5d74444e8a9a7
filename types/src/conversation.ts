import * as v from "valibot";
import { idSchema, isoDateSchema } from "./ids.ts";
import { timelineItemSchema } from "./timeline.ts";

export const conversationStatusSchema = v.picklist(["open", "resolved"]);
export const conversationPrioritySchema = v.picklist(["low", "medium", "high", "urgent"]);

export type ConversationStatus = v.InferOutput<typeof conversationStatusSchema>;
export type ConversationPriority = v.InferOutput<typeof conversationPrioritySchema>;

/** The conversation record (the `meta` map of a `conv/{id}` document, and REST responses). */
export const conversationSchema = v.object({
	id: idSchema,
	websiteId: v.string(),
	visitorId: v.string(),
	contactId: v.nullable(v.string()),
	title: v.nullable(v.string()),
	status: conversationStatusSchema,
	priority: conversationPrioritySchema,
	tags: v.array(v.string()),
	/** Agents taking part: user ids of human agents who joined, ids of AI agents who answered. */
	participantIds: v.array(v.string()),
	assigneeIds: v.array(v.string()),
	lastTimelineItem: v.nullable(timelineItemSchema),
	createdAt: isoDateSchema,
	updatedAt: isoDateSchema,
	resolvedAt: v.nullable(isoDateSchema),
});

/** Conversation record used throughout the support widget and event payloads. */
export type Conversation = v.InferOutput<typeof conversationSchema>;
