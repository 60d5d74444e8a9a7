import {
	conversationDetailResponseSchema,
	conversationListResponseSchema,
	conversationResponseSchema,
	createConversationRequestSchema,
	postMessageRequestSchema,
	timelineItemResponseSchema,
	updateConversationRequestSchema,
} from "@cossistant/types";
import { type NamedSchema, type OperationDoc, operation } from "../operation.ts";
import { AI_AGENT_ID, IDEMPOTENCY_KEY, TEAM_FORBIDDEN } from "./team-headers.ts";

const conversation: NamedSchema = {
	name: "ConversationResponse",
	schema: conversationResponseSchema,
};

/**
 * The private conversations API (backends with a private key, agents with a session), scoped
 * to the caller's websites. Writes are commands through the pipeline.
 */
export const conversationOperations: OperationDoc[] = [
	operation({
		method: "post",
		path: "/v1/conversations",
		operationId: "createConversation",
		tag: "Conversations",
		summary: "Open a conversation for an existing visitor, optionally with a first message",
		description:
			"Applied as the `conversation.create` command: the visitor's widget lists it at once. " +
			"`id` and `message.id` may be client-generated (8-64 URL-safe characters).",
		security: ["session", "privateKey"],
		headers: [IDEMPOTENCY_KEY, AI_AGENT_ID],
		requestBody: { name: "CreateConversationRequest", schema: createConversationRequestSchema },
		responses: [{ status: 201, description: "The conversation.", body: conversation }],
		errors: {
			403: `${TEAM_FORBIDDEN} \`visitor_blocked\`: the visitor is blocked.`,
			404: "`not_found`: no such visitor (or AI agent) on the caller's websites.",
			409: "`conflict`: the conversation or item id exists, or the Idempotency-Key was used for another request.",
		},
	}),
	operation({
		method: "get",
		path: "/v1/conversations",
		operationId: "listConversations",
		tag: "Conversations",
		summary: "List conversations: filters and cursor pagination",
		description:
			"Query parameters (all optional): `status` (open | resolved), `priority` (low | medium | " +
			"high | urgent), `tag`, `assignee` (`me` for sessions, `unassigned`, or a user id), " +
			"`contactId`, `visitorId`, `websiteId` (narrows an agent of several websites), `q` " +
			"(search, 1-200 characters after trimming: conversations with a timeline item whose " +
			"text contains it, internal notes included, or whose title or contact's name or email " +
			"does; case-insensitive, `%` and `_` are literal), `limit` " +
			"(1-100, default 20) and `cursor` (a `nextCursor`, opaque; pass the same query with " +
			"it). Ordered by last activity, " +
			"newest first, then by id: a total order, so pages never repeat a conversation.",
		security: ["session", "privateKey"],
		responses: [
			{
				status: 200,
				description: "A page of conversations.",
				body: { name: "ConversationListResponse", schema: conversationListResponseSchema },
			},
		],
		errors: {
			400: "`validation_failed`: a query parameter or the cursor is invalid.",
			403: TEAM_FORBIDDEN,
			404: "`not_found`: `websiteId` is not one of the caller's websites.",
		},
	}),
	operation({
		method: "get",
		path: "/v1/conversations/:conversationId",
		operationId: "getConversation",
		tag: "Conversations",
		summary: "A conversation and a page of its timeline (internal notes included)",
		description:
			"Query parameters: `limit` (1-100, default 50), `order` (asc | desc by `createdAt`, ties " +
			"by `seq`, default asc) and `cursor` (a `timeline.nextCursor`). Only the support team " +
			"reads this: private " +
			"notes are in it.",
		security: ["session", "privateKey"],
		responses: [
			{
				status: 200,
				description: "The conversation and timeline items.",
				body: { name: "ConversationDetailResponse", schema: conversationDetailResponseSchema },
			},
		],
		errors: {
			400: "`validation_failed`: a query parameter or the cursor is invalid.",
			403: TEAM_FORBIDDEN,
		},
	}),
	operation({
		method: "patch",
		path: "/v1/conversations/:conversationId",
		operationId: "updateConversation",
		tag: "Conversations",
		summary: "Change status, priority, tags, assignees; join or leave",
		description:
			"Each change is one command (same ledger, events and realtime fan-out as the " +
			"dashboard), applied in order: status, priority, tags removed then added, assignees " +
			"removed then added, join / leave. `set` is diffed with the current value. Caps and " +
			"unknown assignees are refused before anything is applied; an error after some " +
			"changes went through names them in `details` (`failedChange`, `appliedChanges`).",
		security: ["session", "privateKey"],
		headers: [IDEMPOTENCY_KEY, AI_AGENT_ID],
		requestBody: { name: "UpdateConversationRequest", schema: updateConversationRequestSchema },
		responses: [{ status: 200, description: "The conversation afterwards.", body: conversation }],
		errors: { 403: `${TEAM_FORBIDDEN} Backends cannot join or leave.` },
	}),
	operation({
		method: "post",
		path: "/v1/conversations/:conversationId/messages",
		operationId: "postMessage",
		tag: "Conversations",
		summary: "Post a message as the agent or AI agent, or an internal note",
		description:
			'`visibility: "public"` (default) sends `message.send`; `"private"` adds an internal ' +
			"note (`note.add`), stored in the agents-only document and never sent to visitors.",
		security: ["session", "privateKey"],
		headers: [IDEMPOTENCY_KEY, AI_AGENT_ID],
		requestBody: { name: "PostMessageRequest", schema: postMessageRequestSchema },
		responses: [
			{
				status: 201,
				description: "The stored timeline item.",
				body: { name: "TimelineItemResponse", schema: timelineItemResponseSchema },
			},
		],
		errors: { 403: TEAM_FORBIDDEN, 409: "`conflict`: the item id exists." },
	}),
];
