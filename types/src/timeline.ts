import * as z from "zod/mini";
import { idSchema, isoDateSchema } from "./ids.ts";
import { renameLegacyFileName } from "./legacy-part-names.ts";
import { LIMITS } from "./limits.ts";

/** Only http(s) URLs or server-relative paths: `javascript:` and `data:` URLs never render. */
const safeUrlSchema = z.string().check(
	z.maxLength(LIMITS.maxUrlLength),
	z.refine((value) => /^https?:\/\//i.test(value) || /^\/(?!\/)/.test(value), {
		message: "must be an http(s) URL or a server path",
	}),
);

export const textPartSchema = z.object({
	type: z.literal("text"),
	text: z.string().check(z.minLength(1), z.maxLength(LIMITS.maxTextLength)),
});

export const imagePartSchema = z.object({
	type: z.literal("image"),
	url: safeUrlSchema,
	mediaType: z.string().check(z.regex(/^image\/[a-z0-9.+-]+$/i, "must be an image/* media type")),
	/** The file's name as shown to people (e.g. `screenshot.png`). */
	name: z.optional(z.string().check(z.maxLength(255))),
	size: z.optional(z.int().check(z.nonnegative())),
	width: z.optional(z.int().check(z.positive())),
	height: z.optional(z.int().check(z.positive())),
	uploadId: z.optional(idSchema),
});

export const filePartSchema = z.object({
	type: z.literal("file"),
	url: safeUrlSchema,
	mediaType: z.string().check(z.maxLength(255)),
	/** The file's name as shown to people and offered for download (e.g. `invoice.pdf`). */
	name: z.string().check(z.minLength(1), z.maxLength(255)),
	size: z.int().check(z.nonnegative()),
	uploadId: z.optional(idSchema),
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
	actorUserId: z.nullable(z.string()),
	actorAiAgentId: z.optional(z.nullable(z.string())),
	targetUserId: z.nullable(z.string()),
	message: z.string(),
	/** Extra facts of the event, e.g. `{ priority: "high" }` or `{ tag: "billing" }`. */
	data: z.optional(z.record(z.string(), z.unknown())),
});

/**
 * What a client may put into a message it sends. A part still naming its file `fileName` (an
 * older client) is read as `name` (see renameLegacyFileName).
 */
export const messagePartSchema = z.pipe(
	z.transform(renameLegacyFileName),
	z.discriminatedUnion("type", [textPartSchema, imagePartSchema, filePartSchema]),
);

/**
 * Any part of a stored timeline item. A part stored with `fileName` before parts carried
 * `name` is read as `name` (see renameLegacyFileName).
 */
export const timelinePartSchema = z.pipe(
	z.transform(renameLegacyFileName),
	z.discriminatedUnion("type", [textPartSchema, imagePartSchema, filePartSchema, eventPartSchema]),
);

/** Parts of a message as a client sends them: 1..maxParts, at least one with content. */
export const messagePartsSchema = z
	.array(messagePartSchema)
	.check(z.minLength(1), z.maxLength(LIMITS.maxParts));

export const timelineItemTypeSchema = z.enum(["message", "event"]);
export const visibilitySchema = z.enum(["public", "private"]);

/** A timeline item as stored in documents and returned by the API. */
export const timelineItemSchema = z.object({
	id: idSchema,
	conversationId: idSchema,
	/** Per-conversation sequence number assigned by the server: breaks `createdAt` ties. */
	seq: z.int().check(z.positive()),
	type: timelineItemTypeSchema,
	parts: z.array(timelinePartSchema),
	visibility: visibilitySchema,
	visitorId: z.nullable(z.string()),
	userId: z.nullable(z.string()),
	aiAgentId: z.nullable(z.string()),
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
/**
 * Timeline item payload used for widget messages, events, and AI tool output. Timelines are
 * ordered by `createdAt`, ties broken by `seq`; views put pending (optimistic) items last.
 */
export type TimelineItem = z.infer<typeof timelineItemSchema>;
