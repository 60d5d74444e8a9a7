import {
	type AgentUser,
	acceptInviteRequestSchema,
	createAgentRequestSchema,
	type Invitation,
} from "@cossistant/types";
import { Router } from "express";
import { uuidv7 } from "uuidv7";
import type { Authenticator } from "../../auth/authenticator.ts";
import { randomToken, sha256Hex } from "../../auth/crypto-helpers.ts";
import { hashPassword } from "../../auth/passwords.ts";
import { openSession } from "../../auth/sessions.ts";
import type { Invitation as InvitationRow, User } from "../../generated/prisma/client.ts";
import type { Database } from "../../persistence/database.ts";
import type { SocketSupervisor } from "../../realtime/socket-supervisor.ts";
import { ApiError } from "../api-error.ts";
import { type RestLimits, tokenRateLimit } from "../rate-limit.ts";
import { requireWebsiteAdmin, requireWebsiteAgent } from "../request-auth.ts";
import { idParam } from "../route-params.ts";

/** An invitation is a password-setting credential: it should not lie around for long. */
const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

/** What the agents routes need besides the database and the authenticator. */
export interface AgentsRouterOptions {
	sessionTtlMs: number;
	/** Closes the sockets of an agent removed from a website. */
	sockets: Pick<SocketSupervisor, "closeUser">;
	/** Caps how fast one address may try invitation tokens. */
	limits: RestLimits;
}

/**
 * The agents of a website. `GET …/agents` lists members (and, to admins, pending invitations);
 * `POST …/agents` (admins) creates an agent with a password, adds an existing account, or
 * returns a one-time invitation token; `DELETE …/agents/:userId` (admins) removes a member and
 * closes their sockets. `POST /v1/auth/accept-invite` turns a token into an account and a
 * session. Roles are global to an account: `admin` manages every website it is a member of.
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
		const invitations =
			agent.role === "admin"
				? await db.prisma.invitation.findMany({
						where: { websiteId, acceptedAt: null, expiresAt: { gt: new Date() } },
						orderBy: { createdAt: "asc" },
					})
				: [];
		res.json({
			agents: members.map((m) => toAgentUser(m.user)),
			invitations: invitations.map(toInvitation),
		});
	});

	router.post("/websites/:websiteId/agents", async (req, res) => {
		const websiteId = idParam(req, "websiteId");
		const admin = await requireWebsiteAdmin(auth, req, websiteId);
		const body = createAgentRequestSchema.parse(req.body);
		const email = body.email.toLowerCase();

		const existing = await db.prisma.user.findUnique({ where: { email } });
		if (existing) {
			// An existing account is only added: its role and password are its owner's business.
			const added = await db.prisma.websiteMember.createMany({
				data: [{ websiteId, userId: existing.id }],
				skipDuplicates: true,
			});
			res.status(added.count > 0 ? 201 : 200).json({ agent: toAgentUser(existing) });
			return;
		}
		if (body.password) {
			const passwordHash = await hashPassword(body.password);
			const userId = uuidv7();
			const [user] = await db.prisma.$transaction([
				db.prisma.user.create({
					data: { id: userId, email, name: body.name, role: body.role, passwordHash },
				}),
				db.prisma.websiteMember.create({ data: { websiteId, userId } }),
			]);
			res.status(201).json({ agent: toAgentUser(user) });
			return;
		}
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
		const members = await db.prisma.websiteMember.findMany({
			where: { websiteId },
			include: { user: { select: { role: true } } },
		});
		const target = members.find((m) => m.userId === userId);
		if (!target) throw new ApiError(404, "not_found", "No such agent on this website.");
		const admins = members.filter((m) => m.user.role === "admin");
		if (target.user.role === "admin" && admins.length === 1) {
			throw new ApiError(409, "conflict", "A website keeps at least one admin.");
		}
		await db.prisma.websiteMember.delete({ where: { websiteId_userId: { websiteId, userId } } });
		// Open sockets still carry the old membership: close them, the next connect re-checks it.
		options.sockets.closeUser(userId);
		res.status(204).end();
	});

	router.post("/auth/accept-invite", tokenRateLimit(options.limits), async (req, res) => {
		const body = acceptInviteRequestSchema.parse(req.body);
		const gone = () =>
			new ApiError(404, "not_found", "This invitation is unknown, used or expired.");
		// A cheap look-up first: a guessed token must not cost a password hash.
		const pending = await db.prisma.invitation.findUnique({
			where: { tokenHash: sha256Hex(body.token) },
		});
		if (!pending || pending.acceptedAt || pending.expiresAt <= new Date()) throw gone();
		const passwordHash = await hashPassword(body.password);
		const userId = await db.prisma.$transaction(async (tx) => {
			// Claiming the row first makes the token single-use even under concurrent requests.
			const claimed = await tx.invitation.updateMany({
				where: {
					tokenHash: sha256Hex(body.token),
					acceptedAt: null,
					expiresAt: { gt: new Date() },
				},
				data: { acceptedAt: new Date() },
			});
			if (claimed.count !== 1) throw gone();
			const invitation = await tx.invitation.findUniqueOrThrow({
				where: { tokenHash: sha256Hex(body.token) },
			});
			if (await tx.user.findUnique({ where: { email: invitation.email } })) {
				throw new ApiError(409, "conflict", "An account with this email exists: log in instead.");
			}
			const id = uuidv7();
			await tx.user.create({
				data: {
					id,
					email: invitation.email,
					name: body.name ?? invitation.name,
					role: invitation.role === "admin" ? "admin" : "agent",
					passwordHash,
				},
			});
			await tx.websiteMember.create({ data: { websiteId: invitation.websiteId, userId: id } });
			return id;
		});
		res.json(await openSession(db, userId, options.sessionTtlMs));
	});

	return router;
}

/** The public record of an agent account (never its password hash). */
export function toAgentUser(user: User): AgentUser {
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		image: user.image,
		role: user.role === "admin" ? "admin" : "agent",
	};
}

function toInvitation(row: InvitationRow): Invitation {
	return {
		id: row.id,
		websiteId: row.websiteId,
		email: row.email,
		name: row.name,
		role: row.role === "admin" ? "admin" : "agent",
		expiresAt: row.expiresAt.toISOString(),
		createdAt: row.createdAt.toISOString(),
	};
}
