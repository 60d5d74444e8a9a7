import * as z from "zod/mini";
import { addTagCommandSchema, assignConversationCommandSchema } from "./commands.ts";
import {
	conversationPrioritySchema,
	conversationSchema,
	conversationStatusSchema,
} from "./conversation.ts";
import { idSchema } from "./ids.ts";
import { LIMITS } from "./limits.ts";
import { pageCursorSchema, pageLimitSchema } from "./pagination.ts";
import { messagePartsSchema, timelineItemSchema, visibilitySchema } from "./timeline.ts";

/**
 * Private REST API of conversations, for backends (`Authorization: Bearer sk_…`) and the
 * dashboard (agent session). Every write is a command through the pipeline; these are the
 * request and response shapes around them.
 */

/** HTTP headers of the private API. */
export const TEAM_HEADERS = {
	/** A client-chosen key: a retried write with the same key is applied once. */
	idempotencyKey: "idempotency-key",
	/** Backends only: act as this AI agent of the key's website. */
	aiAgentId: "x-ai-agent-id",
} as const;

/** An Idempotency-Key: printable ASCII, at most 255 characters (as Stripe's). */
export const idempotencyKeySchema = z
	.string()
	.check(
		z.minLength(1),
		z.maxLength(255),
		z.regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces"),
	);

/** The AI agent a backend posts as (also accepted as the `x-ai-agent-id` header). */
const aiAgentIdField = { aiAgentId: z.optional(idSchema) };

const contentFields = {
	/** The item's id (client-generated, so a retry cannot duplicate it); the server picks one if absent. */
	id: z.optional(idSchema),
	/** Message parts (text, image, file). */
	parts: z.optional(messagePartsSchema),
	/** Shorthand for `parts: [{ type: "text", text }]`. */
	text: z.optional(z.string().check(z.minLength(1), z.maxLength(LIMITS.maxTextLength))),
};

const oneContent = z.refine<{ parts?: unknown; text?: unknown }>(
	(value) => (value.parts === undefined) !== (value.text === undefined),
	{ message: "send exactly one of parts or text", path: ["parts"] },
);

/** A first message of `POST /v1/conversations`. */
export const firstMessageSchema = z.strictObject(contentFields).check(oneContent);

/** `POST /v1/conversations`: opens a conversation for an existing visitor of the website. */
export const createConversationRequestSchema = z.strictObject({
	visitorId: idSchema,
	/** The conversation's id (client-generated); the server picks one if absent. */
	id: z.optional(idSchema),
	title: z.optional(z.string().check(z.maxLength(LIMITS.maxTitleLength))),
	/** A first public message of the team (or of the AI agent). */
	message: z.optional(firstMessageSchema),
	...aiAgentIdField,
});

/**
 * `POST /v1/conversations/:id/messages`: a public message, or with `visibility: "private"` an
 * internal note that only the support team ever receives.
 */
export const postMessageRequestSchema = z
	.strictObject({
		...contentFields,
		visibility: z._default(visibilitySchema, "public"),
		...aiAgentIdField,
	})
	.check(oneContent);

/** Changes of a set: `add` / `remove` members, or `set` it whole (not with add / remove). */
function setChangeSchema<T extends z.ZodMiniType<string>>(member: T, max: number) {
	const members = z.optional(z.array(member).check(z.maxLength(max)));
	return z.strictObject({ add: members, remove: members, set: members }).check(
		z.refine((value) => value.set === undefined || (!value.add && !value.remove), {
			message: "set cannot be combined with add or remove",
		}),
	);
}

/** A conversation tag (the same rule as the tag commands). */
export const conversationTagSchema = addTagCommandSchema.shape.tag;

/**
 * `PATCH /v1/conversations/:id`: each change is one command (status, priority, tag added or
 * removed, assignee added or removed, join / leave), applied in this order.
 */
export const updateConversationRequestSchema = z
	.strictObject({
		status: z.optional(conversationStatusSchema),
		priority: z.optional(conversationPrioritySchema),
		tags: z.optional(setChangeSchema(conversationTagSchema, LIMITS.maxTags)),
		/** User ids of agents of the website (at most 20 assignees). */
		assigneeIds: z.optional(setChangeSchema(assignConversationCommandSchema.shape.userId, 20)),
		/** The calling agent joins or leaves the conversation (sessions only, not backends). */
		participation: z.optional(z.enum(["join", "leave"])),
		...aiAgentIdField,
	})
	.check(
		z.refine(
			(value) =>
				[value.status, value.priority, value.tags, value.assigneeIds, value.participation].some(
					(field) => field !== undefined,
				),
			{ message: "nothing to change" },
		),
	);

/**
 * `GET /v1/conversations` query. `assignee` is `me` (sessions), `unassigned` or a user id.
 * `q` searches the text of every timeline item (internal notes included: the team sees them)
 * and the contact's name and email, case-insensitively.
 * Ordered by last activity (newest first), then id; `cursor` continues after a page.
 */
export const listConversationsQuerySchema = z.strictObject({
	status: z.optional(conversationStatusSchema),
	priority: z.optional(conversationPrioritySchema),
	tag: z.optional(conversationTagSchema),
	assignee: z.optional(z.union([z.literal("me"), z.literal("unassigned"), idSchema])),
	contactId: z.optional(idSchema),
	visitorId: z.optional(idSchema),
	/** Narrows an agent of several websites to one. */
	websiteId: z.optional(idSchema),
	/** Text to search for (trimmed, 1–200 characters); `%` and `_` are literal. */
	q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
	limit: pageLimitSchema(20),
	cursor: pageCursorSchema,
});

/**
 * `GET /v1/conversations/:id` query: the timeline page, in timeline order (`createdAt`, ties by
 * `seq`), oldest first by default.
 */
export const conversationTimelineQuerySchema = z.strictObject({
	limit: pageLimitSchema(50),
	cursor: pageCursorSchema,
	order: z._default(z.enum(["asc", "desc"]), "asc"),
});

export const conversationResponseSchema = z.object({ conversation: conversationSchema });

export const conversationListResponseSchema = z.object({
	conversations: z.array(conversationSchema),
	/** Pass as `cursor` for the next page; `null` on the last one. */
	nextCursor: z.nullable(z.string()),
});

/** A conversation and one page of its timeline (internal notes included: agents only). */
export const conversationDetailResponseSchema = z.object({
	conversation: conversationSchema,
	timeline: z.object({
		items: z.array(timelineItemSchema),
		nextCursor: z.nullable(z.string()),
	}),
});

export const timelineItemResponseSchema = z.object({ item: timelineItemSchema });

export type CreateConversationRequest = z.infer<typeof createConversationRequestSchema>;
export type PostMessageRequest = z.infer<typeof postMessageRequestSchema>;
export type UpdateConversationRequest = z.infer<typeof updateConversationRequestSchema>;
export type ListConversationsQuery = z.infer<typeof listConversationsQuerySchema>;
export type ConversationTimelineQuery = z.infer<typeof conversationTimelineQuerySchema>;
export type ConversationResponse = z.infer<typeof conversationResponseSchema>;
export type ConversationListResponse = z.infer<typeof conversationListResponseSchema>;
export type ConversationDetailResponse = z.infer<typeof conversationDetailResponseSchema>;
export type TimelineItemResponse = z.infer<typeof timelineItemResponseSchema>;
