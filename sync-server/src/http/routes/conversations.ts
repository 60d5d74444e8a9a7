import {
	type ConversationDetailResponse,
	type ConversationListResponse,
	type ConversationResponse,
	conversationTimelineQuerySchema,
	createConversationRequestSchema,
	listConversationsQuerySchema,
	type MessagePart,
	updateConversationRequestSchema,
} from "@cossistant/types";
import { type Request, Router } from "express";
import * as v from "valibot";
import type { Authenticator } from "../../auth/authenticator.ts";
import { ApiError } from "../../errors/api-error.ts";
import { toConversationSummary } from "../../persistence/conversation-rows.ts";
import type { Database } from "../../persistence/database.ts";
import type { CommandPipeline } from "../../pipeline/command-pipeline.ts";
import type { ConversationFilters } from "../../queries/conversation-filters.ts";
import { findTeamConversation, listConversations } from "../../queries/conversations.ts";
import { findTeamVisitor } from "../../queries/directory.ts";
import { timelinePage } from "../../queries/timeline.ts";
import { idParam } from "../route-params.ts";
import { submitCommand } from "../submit-command.ts";
import { planConversationChanges } from "./conversation-changes.ts";
import { requestIds, requireTeamCaller, type TeamCaller } from "./team-request.ts";

/**
 * The private conversations API (backends with `sk_…`, agents with a session), scoped to the
 * caller's websites; another website's ids are `404`. Every write is a command through the
 * pipeline (same ledger, event items and realtime fan-out as the dashboard's outbox); an
 * `Idempotency-Key` makes a retried write apply once.
 *
 * - `POST /v1/conversations`: opens one for an existing visitor, optionally with a first message.
 * - `GET /v1/conversations`: filtered, cursor-paginated by last activity.
 * - `GET /v1/conversations/:conversationId`: the conversation and a page of its timeline (notes too).
 * - `PATCH /v1/conversations/:conversationId`: status, priority, tags, assignees, join / leave.
 * `POST …/:conversationId/messages` lives in `conversation-messages.ts`.
 */
export function conversationsRouter(
	db: Database,
	auth: Authenticator,
	pipeline: CommandPipeline,
): Router {
	const router = Router();

	router.post("/conversations", async (req, res) => {
		const caller = await requireTeamCaller(auth, req);
		const body = v.parse(createConversationRequestSchema, req.body ?? {});
		const principal = await caller.principal(body.aiAgentId);
		const visitor = await findTeamVisitor(db, caller.websiteIds, body.visitorId);
		if (!visitor) throw new ApiError(404, "not_found", `Visitor ${body.visitorId} not found.`);
		const ids = requestIds(req, principal);
		const conversationId = body.id ?? ids.id("conversation");
		const initialMessage = body.message
			? { itemId: body.message.id ?? ids.id("message"), parts: messageParts(body.message) }
			: undefined;
		await submitCommand(
			pipeline,
			principal,
			{
				type: "conversation.create",
				conversationId,
				visitorId: visitor.id,
				...(body.title === undefined ? {} : { title: body.title }),
				...(initialMessage ? { initialMessage } : {}),
			},
			ids.id("command"),
		);
		const row = await findTeamConversation(db, caller.websiteIds, conversationId);
		if (!row) throw new ApiError(404, "not_found", "The conversation is gone.");
		if (row.visitorId !== visitor.id) {
			// The ledger answered for an earlier request with this key: it was another request.
			throw new ApiError(409, "conflict", "This Idempotency-Key was used for another request.");
		}
		const response: ConversationResponse = { conversation: toConversationSummary(row) };
		res.status(201).json(response);
	});

	router.get("/conversations", async (req, res) => {
		const caller = await requireTeamCaller(auth, req);
		const query = v.parse(listConversationsQuerySchema, req.query);
		const websiteIds = narrowWebsites(caller, query.websiteId);
		const { assignee, websiteId: _narrowed, ...rest } = query;
		const filters: ConversationFilters = { ...rest };
		if (assignee === "unassigned") filters.assignee = { unassigned: true };
		else if (assignee === "me") {
			if (!caller.user) {
				throw new ApiError(400, "validation_failed", "assignee=me needs an agent session.", [
					{ path: "assignee", message: "a backend is nobody: pass a user id" },
				]);
			}
			filters.assignee = { userId: caller.user.userId };
		} else if (assignee) filters.assignee = { userId: assignee };
		const page: ConversationListResponse = await listConversations(db, websiteIds, filters);
		res.json(page);
	});

	router.get("/conversations/:conversationId", async (req, res) => {
		const caller = await requireTeamCaller(auth, req);
		const row = await requireConversation(db, caller, req);
		const query = v.parse(conversationTimelineQuerySchema, req.query);
		const response: ConversationDetailResponse = {
			conversation: toConversationSummary(row),
			timeline: await timelinePage(db, row.id, query),
		};
		res.json(response);
	});

	router.patch("/conversations/:conversationId", async (req, res) => {
		const caller = await requireTeamCaller(auth, req);
		const row = await requireConversation(db, caller, req);
		const body = v.parse(updateConversationRequestSchema, req.body ?? {});
		const principal = await caller.principal(body.aiAgentId);
		const members = await db.prisma.websiteMember.findMany({
			where: { websiteId: row.websiteId },
			select: { userId: true },
		});
		const changes = planConversationChanges(row, body, {
			isAgentSession: caller.user !== null,
			members: new Set(members.map((m) => m.userId)),
		});
		const ids = requestIds(req, principal);
		const applied: string[] = [];
		for (const change of changes) {
			try {
				await submitCommand(pipeline, principal, change.command, ids.id(change.label));
			} catch (error) {
				// Changes are separate commands: say which one failed and which went through.
				if (!(error instanceof ApiError)) throw error;
				throw new ApiError(error.status, error.code, error.message, {
					failedChange: change.label,
					appliedChanges: applied,
				});
			}
			applied.push(change.label);
		}
		const updated = await findTeamConversation(db, caller.websiteIds, row.id);
		if (!updated) throw new ApiError(404, "not_found", "The conversation is gone.");
		const response: ConversationResponse = { conversation: toConversationSummary(updated) };
		res.json(response);
	});

	return router;
}

/** The `:conversationId` conversation if the caller's websites hold it, else a 404. */
export async function requireConversation(db: Database, caller: TeamCaller, req: Request) {
	const id = idParam(req, "conversationId");
	const row = await findTeamConversation(db, caller.websiteIds, id);
	if (!row) throw new ApiError(404, "not_found", `Conversation ${id} not found.`);
	return row;
}

/** Message content as parts (`text` is the shorthand for one text part). */
export function messageParts(content: { parts?: MessagePart[]; text?: string }): MessagePart[] {
	return content.parts ?? [{ type: "text", text: content.text ?? "" }];
}

/** The caller's websites, or the one it names (a 404 when it is not one of them). */
function narrowWebsites(caller: TeamCaller, websiteId: string | undefined): ReadonlySet<string> {
	if (websiteId === undefined) return caller.websiteIds;
	if (!caller.websiteIds.has(websiteId)) throw new ApiError(404, "not_found", "Website not found.");
	return new Set([websiteId]);
}
