import * as z from "zod";
import { idSchema, isoDateSchema } from "./ids.ts";
import { LIMITS } from "./limits.ts";

/** Only http(s) URLs or server-relative paths: `javascript:` and `data:` URLs never render. */
const safeUrlSchema = z
	.string()
	.max(LIMITS.maxUrlLength)
	.refine((value) => /^https?:\/\//i.test(value) || /^\/(?!\/)/.test(value), {
		message: "must be an http(s) URL or a server path",
	});

export const textPartSchema = z.object({
	type: z.literal("text"),
	text: z.string().min(1).max(LIMITS.maxTextLength),
});

export const imagePartSchema = z.object({
	type: z.literal("image"),
	url: safeUrlSchema,
	mediaType: z.string().regex(/^image\/[a-z0-9.+-]+$/i, "must be an image/* media type"),
	fileName: z.string().max(255).optional(),
	size: z.number().int().nonnegative().optional(),
	width: z.number().int().positive().optional(),
	height: z.number().int().positive().optional(),
	uploadId: idSchema.optional(),
});

export const filePartSchema = z.object({
	type: z.literal("file"),
	url: safeUrlSchema,
	mediaType: z.string().max(255),
	fileName: z.string().min(1).max(255),
	size: z.number().int().nonnegative(),
	uploadId: idSchema.optional(),
});

/** Event types listed by the docs' Timeline Items page. */
export const TIMELINE_EVENT_TYPES = [
	"assigned",
	"unassigned",
	"participant_joined",
	"participant_left",
	"status_changed",
	"priority_changed",
	"tag_added",
	"tag_removed",
	"resolved",
	"reopened",
	"visitor_blocked",
	"visitor_unblocked",
] as const;

export const timelineEventTypeSchema = z.enum(TIMELINE_EVENT_TYPES);
export type TimelineEventType = z.infer<typeof timelineEventTypeSchema>;

/** Written by the server only: who did what, and a human-readable line. */
export const eventPartSchema = z.object({
	type: z.literal("event"),
	eventType: timelineEventTypeSchema,
	actorUserId: z.string().nullable(),
	actorAiAgentId: z.string().nullable().optional(),
	targetUserId: z.string().nullable(),
	message: z.string(),
	/** Extra facts of the event, e.g. `{ priority: "high" }` or `{ tag: "billing" }`. */
	data: z.record(z.string(), z.unknown()).optional(),
});

/** What a client may put into a message it sends. */
export const messagePartSchema = z.discriminatedUnion("type", [
	textPartSchema,
	imagePartSchema,
	filePartSchema,
]);

/** Any part of a stored timeline item. */
export const timelinePartSchema = z.discriminatedUnion("type", [
	textPartSchema,
	imagePartSchema,
	filePartSchema,
	eventPartSchema,
]);

/** Parts of a message as a client sends them: 1..maxParts, at least one with content. */
export const messagePartsSchema = z.array(messagePartSchema).min(1).max(LIMITS.maxParts);

export const timelineItemTypeSchema = z.enum(["message", "event"]);
export const visibilitySchema = z.enum(["public", "private"]);

/** A timeline item as stored in documents and returned by the API. */
export const timelineItemSchema = z.object({
	id: idSchema,
	conversationId: idSchema,
	/** Per-conversation sequence number assigned by the server (ordering). */
	seq: z.number().int().positive(),
	type: timelineItemTypeSchema,
	parts: z.array(timelinePartSchema),
	visibility: visibilitySchema,
	visitorId: z.string().nullable(),
	userId: z.string().nullable(),
	aiAgentId: z.string().nullable(),
	createdAt: isoDateSchema,
	updatedAt: isoDateSchema,
});

export type TextPart = z.infer<typeof textPartSchema>;
export type ImagePart = z.infer<typeof imagePartSchema>;
export type FilePart = z.infer<typeof filePartSchema>;
export type EventPart = z.infer<typeof eventPartSchema>;
export type MessagePart = z.infer<typeof messagePartSchema>;
export type TimelinePart = z.infer<typeof timelinePartSchema>;
export type TimelineItemType = z.infer<typeof timelineItemTypeSchema>;
export type Visibility = z.infer<typeof visibilitySchema>;
/** Timeline item payload used for widget messages, events, and AI tool output. */
export type TimelineItem = z.infer<typeof timelineItemSchema>;
