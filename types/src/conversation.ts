import * as z from "zod/mini";
import { idSchema, isoDateSchema } from "./ids.ts";
import { timelineItemSchema } from "./timeline.ts";

export const conversationStatusSchema = z.enum(["open", "resolved"]);
export const conversationPrioritySchema = z.enum(["low", "medium", "high", "urgent"]);

export type ConversationStatus = z.infer<typeof conversationStatusSchema>;
export type ConversationPriority = z.infer<typeof conversationPrioritySchema>;

/** The conversation record (the `meta` map of a `conv/{id}` document, and REST responses). */
export const conversationSchema = z.object({
	id: idSchema,
	websiteId: z.string(),
	visitorId: z.string(),
	contactId: z.nullable(z.string()),
	title: z.nullable(z.string()),
	status: conversationStatusSchema,
	priority: conversationPrioritySchema,
	tags: z.array(z.string()),
	/** Agents taking part: user ids of human agents who joined, ids of AI agents who answered. */
	participantIds: z.array(z.string()),
	assigneeIds: z.array(z.string()),
	lastTimelineItem: z.nullable(timelineItemSchema),
	createdAt: isoDateSchema,
	updatedAt: isoDateSchema,
	resolvedAt: z.nullable(isoDateSchema),
});

/** Conversation record used throughout the support widget and event payloads. */
export type Conversation = z.infer<typeof conversationSchema>;
