import { postMessageRequestSchema, type TimelineItemResponse } from "@cossistant/types";
import { Router } from "express";
import * as v from "valibot";
import type { Authenticator } from "../../auth/authenticator.ts";
import { ApiError } from "../../errors/api-error.ts";
import type { Database } from "../../persistence/database.ts";
import type { CommandPipeline } from "../../pipeline/command-pipeline.ts";
import { findTimelineItem } from "../../queries/timeline.ts";
import { submitCommand } from "../submit-command.ts";
import { messageParts, requireConversation } from "./conversations.ts";
import { requestIds, requireTeamCaller } from "./team-request.ts";

/**
 * `POST /v1/conversations/:conversationId/messages`: a public message of the agent (or of the
 * backend's AI agent: `x-ai-agent-id` or `aiAgentId`) through `message.send`, or with
 * `visibility: "private"` an internal note through `note.add`, which only ever reaches the
 * agents-only document. Answers the stored item (`201`).
 */
export function conversationMessagesRouter(
	db: Database,
	auth: Authenticator,
	pipeline: CommandPipeline,
): Router {
	const router = Router();
	router.post("/conversations/:conversationId/messages", async (req, res) => {
		const caller = await requireTeamCaller(auth, req);
		const conversation = await requireConversation(db, caller, req);
		const body = v.parse(postMessageRequestSchema, req.body ?? {});
		const principal = await caller.principal(body.aiAgentId);
		const ids = requestIds(req, principal);
		const itemId = body.id ?? ids.id("item");
		await submitCommand(
			pipeline,
			principal,
			{
				type: body.visibility === "private" ? "note.add" : "message.send",
				conversationId: conversation.id,
				itemId,
				parts: messageParts(body),
			},
			ids.id("command"),
		);
		const item = await findTimelineItem(db, conversation.id, itemId);
		if (!item) throw new ApiError(404, "not_found", "The item is gone.");
		const response: TimelineItemResponse = { item };
		res.status(201).json(response);
	});
	return router;
}
