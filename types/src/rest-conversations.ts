import * as z from "zod";
import { addTagCommandSchema, assignConversationCommandSchema } from "./commands.ts";
import {
	conversationPrioritySchema,
	conversationSchema,
	conversationStatusSchema,
} from "./conversation.ts";
import { idSchema } from "./ids.ts";
import { LIMITS } from "./limits.ts";
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
	.min(1)
	.max(255)
	.regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces");

/** The AI agent a backend posts as (also accepted as the `x-ai-agent-id` header). */
const aiAgentIdField = { aiAgentId: idSchema.optional() };

const contentFields = {
	/** The item's id (client-generated, so a retry cannot duplicate it); the server picks one if absent. */
	id: idSchema.optional(),
	/** Message parts (text, image, file). */
	parts: messagePartsSchema.optional(),
	/** Shorthand for `parts: [{ type: "text", text }]`. */
	text: z.string().min(1).max(LIMITS.maxTextLength).optional(),
};

const oneContent = (value: { parts?: unknown; text?: unknown }) =>
	(value.parts === undefined) !== (value.text === undefined);
const oneContentIssue = { message: "send exactly one of parts or text", path: ["parts"] };

/** A first message of `POST /v1/conversations`. */
export const firstMessageSchema = z.strictObject(contentFields).refine(oneContent, oneContentIssue);

/** `POST /v1/conversations`: opens a conversation for an existing visitor of the website. */
export const createConversationRequestSchema = z.strictObject({
	visitorId: idSchema,
	/** The conversation's id (client-generated); the server picks one if absent. */
	id: idSchema.optional(),
	title: z.string().max(LIMITS.maxTitleLength).optional(),
	/** A first public message of the team (or of the AI agent). */
	message: firstMessageSchema.optional(),
	...aiAgentIdField,
});

/**
 * `POST /v1/conversations/:id/messages`: a public message, or with `visibility: "private"` an
 * internal note that only the support team ever receives.
 */
export const postMessageRequestSchema = z
	.strictObject({
		...contentFields,
		visibility: visibilitySchema.default("public"),
		...aiAgentIdField,
	})
	.refine(oneContent, oneContentIssue);

/** Changes of a set: `add` / `remove` members, or `set` it whole (not with add / remove). */
function setChangeSchema<T extends z.ZodType<string>>(member: T, max: number) {
	return z
		.strictObject({
			add: z.array(member).max(max).optional(),
			remove: z.array(member).max(max).optional(),
			set: z.array(member).max(max).optional(),
		})
		.refine((value) => value.set === undefined || (!value.add && !value.remove), {
			message: "set cannot be combined with add or remove",
		});
}

/** A conversation tag (the same rule as the tag commands). */
export const conversationTagSchema = addTagCommandSchema.shape.tag;

/**
 * `PATCH /v1/conversations/:id`: each change is one command (status, priority, tag added or
 * removed, assignee added or removed, join / leave), applied in this order.
 */
export const updateConversationRequestSchema = z
	.strictObject({
		status: conversationStatusSchema.optional(),
		priority: conversationPrioritySchema.optional(),
		tags: setChangeSchema(conversationTagSchema, LIMITS.maxTags).optional(),
		/** User ids of agents of the website (at most 20 assignees). */
		assigneeIds: setChangeSchema(assignConversationCommandSchema.shape.userId, 20).optional(),
		/** The calling agent joins or leaves the conversation (sessions only, not backends). */
		participation: z.enum(["join", "leave"]).optional(),
		...aiAgentIdField,
	})
	.refine(
		(value) =>
			[value.status, value.priority, value.tags, value.assigneeIds, value.participation].some(
				(field) => field !== undefined,
			),
		{ message: "nothing to change" },
	);

const limitSchema = (fallback: number) => z.coerce.number().int().min(1).max(100).default(fallback);
const cursorSchema = z.string().min(1).max(512).optional();

/**
 * `GET /v1/conversations` query. `assignee` is `me` (sessions), `unassigned` or a user id.
 * Ordered by last activity (newest first), then id; `cursor` continues after a page.
 */
export const listConversationsQuerySchema = z.strictObject({
	status: conversationStatusSchema.optional(),
	priority: conversationPrioritySchema.optional(),
	tag: conversationTagSchema.optional(),
	assignee: z.union([z.literal("me"), z.literal("unassigned"), idSchema]).optional(),
	contactId: idSchema.optional(),
	visitorId: idSchema.optional(),
	/** Narrows an agent of several websites to one. */
	websiteId: idSchema.optional(),
	limit: limitSchema(20),
	cursor: cursorSchema,
});

/** `GET /v1/conversations/:id` query: the timeline page (by `seq`, oldest first by default). */
export const conversationTimelineQuerySchema = z.strictObject({
	limit: limitSchema(50),
	cursor: cursorSchema,
	order: z.enum(["asc", "desc"]).default("asc"),
});

export const conversationResponseSchema = z.object({ conversation: conversationSchema });

export const conversationListResponseSchema = z.object({
	conversations: z.array(conversationSchema),
	/** Pass as `cursor` for the next page; `null` on the last one. */
	nextCursor: z.string().nullable(),
});

/** A conversation and one page of its timeline (internal notes included: agents only). */
export const conversationDetailResponseSchema = z.object({
	conversation: conversationSchema,
	timeline: z.object({
		items: z.array(timelineItemSchema),
		nextCursor: z.string().nullable(),
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
