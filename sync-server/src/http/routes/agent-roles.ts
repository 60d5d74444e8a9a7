import { type AgentResponse, updateAgentRoleRequestSchema } from "@cossistant/types";
import { Router } from "express";
import type { Authenticator } from "../../auth/authenticator.ts";
import type { Database } from "../../persistence/database.ts";
import type { SocketSupervisor } from "../../realtime/socket-supervisor.ts";
import { ApiError } from "../api-error.ts";
import { requireWebsiteAdmin } from "../request-auth.ts";
import { idParam } from "../route-params.ts";
import { toAgentUser } from "./agents.ts";

/**
 * Team management beyond adding and removing members, for the dashboard's settings:
 * - `PATCH /v1/websites/:websiteId/agents/:userId` (admins): `{ role }`. A role belongs to the
 *   account, so it changes on every website of the agent: the admin must be a member of all of
 *   them (else `403`), and no website may lose its last admin (`409`). The agent's open sockets
 *   are closed, so they reconnect with the new role.
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
		const admin = await requireWebsiteAdmin(auth, req, websiteId);
		const { role } = updateAgentRoleRequestSchema.parse(req.body ?? {});
		const target = await db.prisma.user.findFirst({
			where: { id: userId, memberships: { some: { websiteId } } },
			include: { memberships: { select: { websiteId: true } } },
		});
		if (!target) throw new ApiError(404, "not_found", "No such agent on this website.");
		if (target.role === role) {
			const response: AgentResponse = { agent: toAgentUser(target) };
			res.json(response);
			return;
		}
		const elsewhere = target.memberships.filter((m) => !admin.websiteIds.has(m.websiteId));
		if (elsewhere.length > 0) {
			throw new ApiError(
				403,
				"forbidden",
				"This agent also works on websites you are not a member of; an admin of all of them must change the role.",
			);
		}
		if (role === "agent") {
			const websiteIds = target.memberships.map((m) => m.websiteId);
			const otherAdmins = await db.prisma.websiteMember.groupBy({
				by: ["websiteId"],
				where: { websiteId: { in: websiteIds }, userId: { not: userId }, user: { role: "admin" } },
			});
			if (otherAdmins.length < websiteIds.length) {
				throw new ApiError(409, "conflict", "A website keeps at least one admin.");
			}
		}
		const updated = await db.prisma.user.update({ where: { id: userId }, data: { role } });
		// Open sockets carry the old role: close them, the next connect reads the new one.
		sockets.closeUser(userId);
		const response: AgentResponse = { agent: toAgentUser(updated) };
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
