import { type VisitorResponse, visitorBlockRequestSchema } from "@cossistant/types";
import { Router } from "express";
import * as v from "valibot";
import type { Authenticator } from "../../auth/authenticator.ts";
import { ApiError } from "../../errors/api-error.ts";
import type { Database } from "../../persistence/database.ts";
import type { CommandPipeline } from "../../pipeline/command-pipeline.ts";
import { findTeamConversation } from "../../queries/conversations.ts";
import { findTeamVisitor, toTeamVisitor } from "../../queries/directory.ts";
import { idParam } from "../route-params.ts";
import { submitCommand } from "../submit-command.ts";
import { requestIds, requireTeamCaller } from "./team-request.ts";

/**
 * `POST /v1/visitors/:visitorId/block` and `/unblock` (backends, agents): the `visitor.block` /
 * `visitor.unblock` commands, so the block closes the visitor's sockets after the commit and,
 * with `conversationId`, records an event there. Answers the visitor afterwards.
 */
export function visitorsRouter(
	db: Database,
	auth: Authenticator,
	pipeline: CommandPipeline,
): Router {
	const router = Router();
	for (const action of ["block", "unblock"] as const) {
		router.post(`/visitors/:visitorId/${action}`, async (req, res) => {
			const caller = await requireTeamCaller(auth, req);
			const visitorId = idParam(req, "visitorId");
			if (!(await findTeamVisitor(db, caller.websiteIds, visitorId))) {
				throw new ApiError(404, "not_found", `Visitor ${visitorId} not found.`);
			}
			const body = v.parse(visitorBlockRequestSchema, req.body ?? {});
			if (
				body.conversationId &&
				!(await findTeamConversation(db, caller.websiteIds, body.conversationId))
			) {
				throw new ApiError(404, "not_found", `Conversation ${body.conversationId} not found.`);
			}
			const principal = await caller.principal();
			await submitCommand(
				pipeline,
				principal,
				{ type: `visitor.${action}`, visitorId, ...body },
				requestIds(req, principal).id("command"),
			);
			const visitor = await findTeamVisitor(db, caller.websiteIds, visitorId);
			if (!visitor) throw new ApiError(404, "not_found", "The visitor is gone.");
			const response: VisitorResponse = { visitor: toTeamVisitor(visitor) };
			res.json(response);
		});
	}
	return router;
}
