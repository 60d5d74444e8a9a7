import { type AgentResponse, updateAgentRoleRequestSchema } from "@cossistant/types";
import { Router } from "express";
import * as v from "valibot";
import type { Authenticator } from "../../auth/authenticator.ts";
import { ApiError } from "../../errors/api-error.ts";
import type { Database } from "../../persistence/database.ts";
import type { SocketSupervisor } from "../../realtime/socket-supervisor.ts";
import { requireWebsiteAdmin } from "../request-auth.ts";
import { idParam } from "../route-params.ts";
import { toAgentUser, toRole } from "./agents.ts";

/**
 * Team management beyond adding and removing members, for the dashboard's settings:
 * - `PATCH /v1/websites/:websiteId/agents/:userId` (admins): `{ role }` on this website. A role
 *   belongs to the membership, so the agent's other websites are untouched (their admins manage
 *   them), and the website may not lose its last admin (`409`). The agent's open sockets are
 *   closed, so they reconnect with the new role.
 * - `DELETE /v1/websites/:websiteId/invitations/:invitationId` (admins): withdraws a pending
 *   invitation; its token stops working at once.
 */
export function agentRolesRouter(
	db: Database,
	auth: Authenticator,
	sockets: Pick<SocketSupervisor, "closeUser">,
): Router {
	const router = Router();

	router.patch("/websites/:websiteId/agents/:userId", async (req, res) => {
		const websiteId = idParam(req, "websiteId");
		const userId = idParam(req, "userId");
		await requireWebsiteAdmin(auth, req, websiteId);
		const { role } = v.parse(updateAgentRoleRequestSchema, req.body ?? {});
		const target = await db.prisma.websiteMember.findUnique({
			where: { websiteId_userId: { websiteId, userId } },
			include: { user: true },
		});
		if (!target) throw new ApiError(404, "not_found", "No such agent on this website.");
		if (toRole(target.role) === role) {
			const response: AgentResponse = { agent: toAgentUser(target.user, target.role) };
			res.json(response);
			return;
		}
		const updated = await db.prisma.$transaction(async (tx) => {
			// The website's memberships are locked first, so two admins demoting each other at once
			// are serialised and the second sees the first's change.
			await tx.$executeRaw`SELECT 1 FROM "WebsiteMember" WHERE "websiteId" = ${websiteId} FOR UPDATE`;
			const changed = await tx.websiteMember.update({
				where: { websiteId_userId: { websiteId, userId } },
				data: { role },
				include: { user: true },
			});
			const admins = await tx.websiteMember.count({ where: { websiteId, role: "admin" } });
			if (admins === 0) throw new ApiError(409, "conflict", "A website keeps at least one admin.");
			return changed;
		});
		// Open sockets carry the old role: close them, the next connect reads the new one.
		sockets.closeUser(userId);
		const response: AgentResponse = { agent: toAgentUser(updated.user, updated.role) };
		res.json(response);
	});

	router.delete("/websites/:websiteId/invitations/:invitationId", async (req, res) => {
		const websiteId = idParam(req, "websiteId");
		const invitationId = idParam(req, "invitationId");
		await requireWebsiteAdmin(auth, req, websiteId);
		const deleted = await db.prisma.invitation.deleteMany({
			where: { id: invitationId, websiteId, acceptedAt: null },
		});
		if (deleted.count === 0) throw new ApiError(404, "not_found", "No such pending invitation.");
		res.status(204).end();
	});

	return router;
}
