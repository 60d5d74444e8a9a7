import * as v from "valibot";
import { idSchema, isoDateSchema } from "./ids.ts";
import { renameLegacyFileName } from "./legacy-part-names.ts";
import { MAX_PARTS, MAX_TEXT_LENGTH, MAX_URL_LENGTH } from "./limits.ts";
import { refusingArrays } from "./plain-object.ts";

/** Only http(s) URLs or server-relative paths: `javascript:` and `data:` URLs never render. */
const safeUrlSchema = v.pipe(
	v.string(),
	v.maxLength(MAX_URL_LENGTH),
	v.check(
		(value) => /^https?:\/\//i.test(value) || /^\/(?!\/)/.test(value),
		"must be an http(s) URL or a server path",
	),
);

export const textPartSchema = v.object({
	type: v.literal("text"),
	text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT_LENGTH)),
});

export const imagePartSchema = v.object({
	type: v.literal("image"),
	url: safeUrlSchema,
	mediaType: v.pipe(v.string(), v.regex(/^image\/[a-z0-9.+-]+$/i, "must be an image/* media type")),
	/** The file's name as shown to people (e.g. `screenshot.png`). */
	name: v.optional(v.pipe(v.string(), v.maxLength(255))),
	size: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
	width: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
	height: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
	uploadId: v.optional(idSchema),
});

export const filePartSchema = v.object({
	type: v.literal("file"),
	url: safeUrlSchema,
	mediaType: v.pipe(v.string(), v.maxLength(255)),
	/** The file's name as shown to people and offered for download (e.g. `invoice.pdf`). */
	name: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
	size: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
	uploadId: v.optional(idSchema),
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

export const timelineEventTypeSchema = v.picklist(TIMELINE_EVENT_TYPES);
export type TimelineEventType = v.InferOutput<typeof timelineEventTypeSchema>;

/** Written by the server only: who did what, and a human-readable line. */
export const eventPartSchema = v.object({
	type: v.literal("event"),
	eventType: timelineEventTypeSchema,
	actorUserId: v.nullable(v.string()),
	actorAiAgentId: v.optional(v.nullable(v.string())),
	targetUserId: v.nullable(v.string()),
	message: v.string(),
	/** Extra facts of the event, e.g. `{ priority: "high" }` or `{ tag: "billing" }`. */
	data: v.optional(refusingArrays(v.record(v.string(), v.unknown()))),
});

/**
 * What a client may put into a message it sends. A part still naming its file `fileName` (an
 * older client) is read as `name` (see renameLegacyFileName).
 */
export const messagePartSchema = v.pipe(
	v.unknown(),
	v.transform(renameLegacyFileName),
	v.variant("type", [textPartSchema, imagePartSchema, filePartSchema]),
);

/**
 * Any part of a stored timeline item. A part stored with `fileName` before parts carried
 * `name` is read as `name` (see renameLegacyFileName).
 */
export const timelinePartSchema = v.pipe(
	v.unknown(),
	v.transform(renameLegacyFileName),
	v.variant("type", [textPartSchema, imagePartSchema, filePartSchema, eventPartSchema]),
);

/** Parts of a message as a client sends them: 1..maxParts, at least one with content. */
export const messagePartsSchema = v.pipe(
	v.array(messagePartSchema),
	v.minLength(1),
	v.maxLength(MAX_PARTS),
);

export const timelineItemTypeSchema = v.picklist(["message", "event"]);
export const visibilitySchema = v.picklist(["public", "private"]);

/** A timeline item as stored in documents and returned by the API. */
export const timelineItemSchema = v.object({
	id: idSchema,
	conversationId: idSchema,
	/** Per-conversation sequence number assigned by the server: breaks `createdAt` ties. */
	seq: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
	type: timelineItemTypeSchema,
	parts: v.array(timelinePartSchema),
	visibility: visibilitySchema,
	visitorId: v.nullable(v.string()),
	userId: v.nullable(v.string()),
	aiAgentId: v.nullable(v.string()),
	createdAt: isoDateSchema,
	updatedAt: isoDateSchema,
});

export type TextPart = v.InferOutput<typeof textPartSchema>;
export type ImagePart = v.InferOutput<typeof imagePartSchema>;
export type FilePart = v.InferOutput<typeof filePartSchema>;
export type EventPart = v.InferOutput<typeof eventPartSchema>;
export type MessagePart = v.InferOutput<typeof messagePartSchema>;
export type TimelinePart = v.InferOutput<typeof timelinePartSchema>;
export type TimelineItemType = v.InferOutput<typeof timelineItemTypeSchema>;
export type Visibility = v.InferOutput<typeof visibilitySchema>;
/**
 * Timeline item payload used for widget messages, events, and AI tool output. Timelines are
 * ordered by `createdAt`, ties broken by `seq`; views put pending (optimistic) items last.
 */
export type TimelineItem = v.InferOutput<typeof timelineItemSchema>;
