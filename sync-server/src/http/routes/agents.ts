import {
	type AgentRole,
	type AgentUser,
	createAgentRequestSchema,
	type Invitation,
} from "@cossistant/types";
import { Router } from "express";
import { uuidv7 } from "uuidv7";
import * as v from "valibot";
import type { Authenticator } from "../../auth/authenticator.ts";
import { randomToken, sha256Hex } from "../../auth/crypto-helpers.ts";
import { hashPassword } from "../../auth/passwords.ts";
import { ApiError } from "../../errors/api-error.ts";
import type { Invitation as InvitationRow, User } from "../../generated/prisma/client.ts";
import type { Database } from "../../persistence/database.ts";
import type { SocketSupervisor } from "../../realtime/socket-supervisor.ts";
import { requireWebsiteAdmin, requireWebsiteAgent } from "../request-auth.ts";
import { idParam } from "../route-params.ts";

/** An invitation is a credential (it sets a password or grants a website): short-lived. */
const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

/** What the agents routes need besides the database and the authenticator. */
export interface AgentsRouterOptions {
	/** Closes the sockets of an agent removed from a website. */
	sockets: Pick<SocketSupervisor, "closeUser">;
}

/**
 * The agents of a website. `GET …/agents` lists members with their role on this website (and,
 * to its admins, pending invitations); `POST …/agents` (admins) creates a new account with a
 * password, or returns a one-time invitation token; `DELETE …/agents/:userId` (admins) removes
 * a member and closes their sockets.
 *
 * An existing account is never added directly: it gets an invitation like an unknown email
 * (same status, same body), and joins only when its owner accepts it while logged in (see the
 * invitations routes). So an admin of one website can neither attach another website's agent
 * nor learn which emails have accounts. Roles are per membership: an admin manages the agents
 * of its own websites, never their other memberships.
 */
export function agentsRouter(
	db: Database,
	auth: Authenticator,
	options: AgentsRouterOptions,
): Router {
	const router = Router();

	router.get("/websites/:websiteId/agents", async (req, res) => {
		const websiteId = idParam(req, "websiteId");
		const agent = await requireWebsiteAgent(auth, req, websiteId);
		const members = await db.prisma.websiteMember.findMany({
			where: { websiteId },
			include: { user: true },
			orderBy: { createdAt: "asc" },
		});
		const invitations = agent.adminWebsiteIds.has(websiteId)
			? await db.prisma.invitation.findMany({
					where: { websiteId, acceptedAt: null, expiresAt: { gt: new Date() } },
					orderBy: { createdAt: "asc" },
				})
			: [];
		res.json({
			agents: members.map((m) => toAgentUser(m.user, m.role)),
			invitations: invitations.map(toInvitation),
		});
	});

	router.post("/websites/:websiteId/agents", async (req, res) => {
		const websiteId = idParam(req, "websiteId");
		const admin = await requireWebsiteAdmin(auth, req, websiteId);
		const body = v.parse(createAgentRequestSchema, req.body);
		const email = body.email.toLowerCase();

		const existing = await db.prisma.user.findUnique({
			where: { email },
			select: { id: true, memberships: { where: { websiteId }, select: { userId: true } } },
		});
		// The admin sees its own team: saying that someone is on it already reveals nothing.
		if (existing && existing.memberships.length > 0) {
			throw new ApiError(409, "conflict", "This person is already a member of this website.");
		}
		if (body.password) {
			// An admin who sets a password can always learn whether the account was new by logging
			// in with it, so this path cannot hide accounts; invitations (no password) do.
			if (existing) {
				throw new ApiError(
					409,
					"conflict",
					"An account with this email exists: invite it without a password instead.",
				);
			}
			const passwordHash = await hashPassword(body.password);
			const userId = uuidv7();
			const [user] = await db.prisma.$transaction([
				db.prisma.user.create({ data: { id: userId, email, name: body.name, passwordHash } }),
				db.prisma.websiteMember.create({ data: { websiteId, userId, role: body.role } }),
			]);
			res.status(201).json({ agent: toAgentUser(user, body.role) });
			return;
		}
		// Known or unknown email, the same invitation: a new person sets a password with the
		// token, an existing account accepts it while logged in.
		const inviteToken = `inv_${randomToken(32)}`;
		const [, invitation] = await db.prisma.$transaction([
			// A new invitation replaces a pending one for the same person: one live token at most.
			db.prisma.invitation.deleteMany({ where: { websiteId, email, acceptedAt: null } }),
			db.prisma.invitation.create({
				data: {
					id: uuidv7(),
					websiteId,
					email,
					name: body.name,
					role: body.role,
					tokenHash: sha256Hex(inviteToken),
					invitedById: admin.userId,
					expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
				},
			}),
		]);
		res.status(201).json({ invitation: toInvitation(invitation), inviteToken });
	});

	router.delete("/websites/:websiteId/agents/:userId", async (req, res) => {
		const websiteId = idParam(req, "websiteId");
		const userId = idParam(req, "userId");
		await requireWebsiteAdmin(auth, req, websiteId);
		const members = await db.prisma.websiteMember.findMany({ where: { websiteId } });
		const target = members.find((m) => m.userId === userId);
		if (!target) throw new ApiError(404, "not_found", "No such agent on this website.");
		const admins = members.filter((m) => m.role === "admin");
		if (target.role === "admin" && admins.length === 1) {
			throw new ApiError(409, "conflict", "A website keeps at least one admin.");
		}
		await db.prisma.websiteMember.delete({ where: { websiteId_userId: { websiteId, userId } } });
		// Open sockets still carry the old membership: close them, the next connect re-checks it.
		options.sockets.closeUser(userId);
		res.status(204).end();
	});

	return router;
}

/** Narrows a stored role to the API's two values (anything else counts as the lesser one). */
export function toRole(role: string): AgentRole {
	return role === "admin" ? "admin" : "agent";
}

/** The public record of an agent with its role on one website (never its password hash). */
export function toAgentUser(user: User, role: string): AgentUser {
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		image: user.image,
		role: toRole(role),
	};
}

/** The public record of a pending invitation (never its token). */
export function toInvitation(row: InvitationRow): Invitation {
	return {
		id: row.id,
		websiteId: row.websiteId,
		email: row.email,
		name: row.name,
		role: toRole(row.role),
		expiresAt: row.expiresAt.toISOString(),
		createdAt: row.createdAt.toISOString(),
	};
}
