import * as z from "zod";
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
	contactId: z.string().nullable(),
	title: z.string().nullable(),
	status: conversationStatusSchema,
	priority: conversationPrioritySchema,
	tags: z.array(z.string()),
	/** User ids of agents taking part. */
	participantIds: z.array(z.string()),
	assigneeIds: z.array(z.string()),
	lastTimelineItem: timelineItemSchema.nullable(),
	createdAt: isoDateSchema,
	updatedAt: isoDateSchema,
	resolvedAt: isoDateSchema.nullable(),
});

/** Conversation record used throughout the support widget and event payloads. */
export type Conversation = z.infer<typeof conversationSchema>;
