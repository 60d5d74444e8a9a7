import * as v from "valibot";
import { conversationTagSchema } from "./commands.ts";
import {
	conversationPrioritySchema,
	conversationSchema,
	conversationStatusSchema,
} from "./conversation.ts";
import { joinEntries } from "./entries.ts";
import { idSchema } from "./ids.ts";
import { MAX_TAGS, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from "./limits.ts";
import { pageCursorSchema, pageLimitSchema } from "./pagination.ts";
import { refusingArrays } from "./plain-object.ts";
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
export const idempotencyKeySchema = v.pipe(
	v.string(),
	v.minLength(1),
	v.maxLength(255),
	v.regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces"),
);

/** The AI agent a backend posts as (also accepted as the `x-ai-agent-id` header). */
const aiAgentIdField = { aiAgentId: v.optional(idSchema) };

const contentFields = {
	/** The item's id (client-generated, so a retry cannot duplicate it); the server picks one if absent. */
	id: v.optional(idSchema),
	/** Message parts (text, image, file). */
	parts: v.optional(messagePartsSchema),
	/** Shorthand for `parts: [{ type: "text", text }]`. */
	text: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT_LENGTH))),
};

/**
 * Exactly one of `parts` and `text` (reported at `parts`). Free of side effects
 * (see `refusingArrays`).
 */
/* @__NO_SIDE_EFFECTS__ */
function oneContent<TInput extends { parts?: unknown; text?: unknown }>() {
	return v.forward<TInput, v.CheckIssue<TInput>, ["parts"]>(
		v.check(
			(value) => (value.parts === undefined) !== (value.text === undefined),
			"send exactly one of parts or text",
		),
		// Every TInput has `parts` (its constraint does), but TypeScript cannot resolve the path of
		// a type parameter.
		["parts"] as never,
	);
}

/** A first message of `POST /v1/conversations`. */
export const firstMessageSchema = v.pipe(v.strictObject(contentFields), oneContent());

/** `POST /v1/conversations`: opens a conversation for an existing visitor of the website. */
export const createConversationRequestSchema = v.strictObject(
	joinEntries(
		{
			visitorId: idSchema,
			/** The conversation's id (client-generated); the server picks one if absent. */
			id: v.optional(idSchema),
			title: v.optional(v.pipe(v.string(), v.maxLength(MAX_TITLE_LENGTH))),
			/** A first public message of the team (or of the AI agent). */
			message: v.optional(firstMessageSchema),
		},
		aiAgentIdField,
	),
);

/**
 * `POST /v1/conversations/:id/messages`: a public message, or with `visibility: "private"` an
 * internal note that only the support team ever receives.
 */
export const postMessageRequestSchema = v.pipe(
	v.strictObject(
		joinEntries(
			contentFields,
			{ visibility: v.optional(visibilitySchema, "public") },
			aiAgentIdField,
		),
	),
	oneContent(),
);

/**
 * Changes of a set: `add` / `remove` members, or `set` it whole (not with add / remove). Free of
 * side effects (see `refusingArrays`).
 */
/* @__NO_SIDE_EFFECTS__ */
function setChangeSchema<T extends v.GenericSchema<string>>(member: T, max: number) {
	const members = v.optional(v.pipe(v.array(member), v.maxLength(max)));
	return v.pipe(
		refusingArrays(v.strictObject({ add: members, remove: members, set: members })),
		v.check(
			(value) => value.set === undefined || (!value.add && !value.remove),
			"set cannot be combined with add or remove",
		),
	);
}

/**
 * `PATCH /v1/conversations/:id`: each change is one command (status, priority, tag added or
 * removed, assignee added or removed, join / leave), applied in this order.
 */
export const updateConversationRequestSchema = v.pipe(
	v.strictObject(
		joinEntries(
			{
				status: v.optional(conversationStatusSchema),
				priority: v.optional(conversationPrioritySchema),
				tags: v.optional(setChangeSchema(conversationTagSchema, MAX_TAGS)),
				/** User ids of agents of the website (at most 20 assignees). */
				assigneeIds: v.optional(setChangeSchema(idSchema, 20)),
				/** The calling agent joins or leaves the conversation (sessions only, not backends). */
				participation: v.optional(v.picklist(["join", "leave"])),
			},
			aiAgentIdField,
		),
	),
	v.check(
		(value) =>
			[value.status, value.priority, value.tags, value.assigneeIds, value.participation].some(
				(field) => field !== undefined,
			),
		"nothing to change",
	),
);

/**
 * `GET /v1/conversations` query. `assignee` is `me` (sessions), `unassigned` or a user id.
 * `q` searches the text of every timeline item (internal notes included: the team sees them)
 * and the contact's name and email, case-insensitively.
 * Ordered by last activity (newest first), then id; `cursor` continues after a page.
 */
export const listConversationsQuerySchema = refusingArrays(
	v.strictObject({
		status: v.optional(conversationStatusSchema),
		priority: v.optional(conversationPrioritySchema),
		tag: v.optional(conversationTagSchema),
		assignee: v.optional(v.union([v.literal("me"), v.literal("unassigned"), idSchema])),
		contactId: v.optional(idSchema),
		visitorId: v.optional(idSchema),
		/** Narrows an agent of several websites to one. */
		websiteId: v.optional(idSchema),
		/** Text to search for (trimmed, 1–200 characters); `%` and `_` are literal. */
		q: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200))),
		limit: pageLimitSchema(20),
		cursor: pageCursorSchema,
	}),
);

/**
 * `GET /v1/conversations/:id` query: the timeline page, in timeline order (`createdAt`, ties by
 * `seq`), oldest first by default.
 */
export const conversationTimelineQuerySchema = refusingArrays(
	v.strictObject({
		limit: pageLimitSchema(50),
		cursor: pageCursorSchema,
		order: v.optional(v.picklist(["asc", "desc"]), "asc"),
	}),
);

export const conversationResponseSchema = v.object({ conversation: conversationSchema });

export const conversationListResponseSchema = v.object({
	conversations: v.array(conversationSchema),
	/** Pass as `cursor` for the next page; `null` on the last one. */
	nextCursor: v.nullable(v.string()),
});

/** A conversation and one page of its timeline (internal notes included: agents only). */
export const conversationDetailResponseSchema = v.object({
	conversation: conversationSchema,
	timeline: v.object({
		items: v.array(timelineItemSchema),
		nextCursor: v.nullable(v.string()),
	}),
});

export const timelineItemResponseSchema = v.object({ item: timelineItemSchema });

export type CreateConversationRequest = v.InferOutput<typeof createConversationRequestSchema>;
export type PostMessageRequest = v.InferOutput<typeof postMessageRequestSchema>;
export type UpdateConversationRequest = v.InferOutput<typeof updateConversationRequestSchema>;
export type ListConversationsQuery = v.InferOutput<typeof listConversationsQuerySchema>;
export type ConversationTimelineQuery = v.InferOutput<typeof conversationTimelineQuerySchema>;
export type ConversationResponse = v.InferOutput<typeof conversationResponseSchema>;
export type ConversationListResponse = v.InferOutput<typeof conversationListResponseSchema>;
export type ConversationDetailResponse = v.InferOutput<typeof conversationDetailResponseSchema>;
export type TimelineItemResponse = v.InferOutput<typeof timelineItemResponseSchema>;
