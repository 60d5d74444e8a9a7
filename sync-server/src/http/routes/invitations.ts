import {
	type AcceptInvitationResponse,
	acceptInvitationRequestSchema,
	acceptInviteRequestSchema,
} from "@cossistant/types";
import { Router } from "express";
import { uuidv7 } from "uuidv7";
import * as v from "valibot";
import type { Authenticator } from "../../auth/authenticator.ts";
import { sha256Hex } from "../../auth/crypto-helpers.ts";
import { hashPassword } from "../../auth/passwords.ts";
import { openSession } from "../../auth/sessions.ts";
import { ApiError } from "../../errors/api-error.ts";
import type { Invitation, Prisma } from "../../generated/prisma/client.ts";
import type { Database } from "../../persistence/database.ts";
import { type RestLimits, tokenRateLimit } from "../rate-limit.ts";
import { requireAgent } from "../request-auth.ts";
import { toRole } from "./agents.ts";

/** What the invitation routes need besides the database and the authenticator. */
export interface InvitationsRouterOptions {
	sessionTtlMs: number;
	/** Caps how fast one address may try invitation tokens. */
	limits: RestLimits;
}

/**
 * Accepting an invitation, the only way into a website besides the first setup and an admin
 * creating a new account with a password:
 * - `POST /v1/auth/accept-invite` `{ token, password, name? }`: a new person creates its account
 *   (with the invitation's role on its website) and is logged in. `409` if the email has an
 *   account: its owner accepts while logged in instead.
 * - `POST /v1/invitations/accept` `{ token }` with a session: the logged-in agent, whose email
 *   the invitation names, joins the website with the invitation's role. Its other memberships
 *   and its password stay as they are.
 *
 * Tokens are single-use (claimed in the transaction that uses them), expire, and unknown, used,
 * expired or someone else's tokens all get the same `404`.
 */
export function invitationsRouter(
	db: Database,
	auth: Authenticator,
	options: InvitationsRouterOptions,
): Router {
	const router = Router();
	// One limiter for both routes: a prober gains nothing by alternating them.
	const tokenGuard = tokenRateLimit(options.limits);

	router.post("/auth/accept-invite", tokenGuard, async (req, res) => {
		const body = v.parse(acceptInviteRequestSchema, req.body);
		// A cheap look-up first: a guessed token must not cost a password hash.
		if (!(await findPending(db.prisma, body.token))) throw gone();
		const passwordHash = await hashPassword(body.password);
		const userId = await db.prisma.$transaction(async (tx) => {
			const invitation = await claim(tx, body.token);
			if (await tx.user.findUnique({ where: { email: invitation.email } })) {
				throw new ApiError(
					409,
					"conflict",
					"An account with this email exists: log in and accept the invitation from there.",
				);
			}
			const id = uuidv7();
			await tx.user.create({
				data: { id, email: invitation.email, name: body.name ?? invitation.name, passwordHash },
			});
			await tx.websiteMember.create({
				data: { websiteId: invitation.websiteId, userId: id, role: toRole(invitation.role) },
			});
			return id;
		});
		res.json(await openSession(db, userId, options.sessionTtlMs));
	});

	router.post("/invitations/accept", tokenGuard, async (req, res) => {
		const agent = await requireAgent(auth, req);
		const { token } = v.parse(acceptInvitationRequestSchema, req.body);
		const accepted = await db.prisma.$transaction(async (tx) => {
			const user = await tx.user.findUniqueOrThrow({
				where: { id: agent.userId },
				select: { email: true },
			});
			// Someone else's invitation is as unknown as a made-up token: the token alone grants
			// nothing, the account it names must accept it.
			const invitation = await claim(tx, token, user.email);
			const role = toRole(invitation.role);
			// Already a member (e.g. two invitations): the membership and its role stay.
			await tx.websiteMember.createMany({
				data: [{ websiteId: invitation.websiteId, userId: agent.userId, role }],
				skipDuplicates: true,
			});
			const membership = await tx.websiteMember.findUniqueOrThrow({
				where: { websiteId_userId: { websiteId: invitation.websiteId, userId: agent.userId } },
			});
			return { websiteId: invitation.websiteId, role: toRole(membership.role) };
		});
		const response: AcceptInvitationResponse = accepted;
		res.json(response);
	});

	return router;
}

function gone(): ApiError {
	return new ApiError(404, "not_found", "This invitation is unknown, used or expired.");
}

function findPending(prisma: Prisma.TransactionClient, token: string) {
	return prisma.invitation.findFirst({
		where: { tokenHash: sha256Hex(token), acceptedAt: null, expiresAt: { gt: new Date() } },
		select: { id: true },
	});
}

/**
 * Marks the pending invitation of `token` (for `email`, when given) accepted and returns it, or
 * throws `404`. Claiming the row first makes the token single-use under concurrent requests.
 */
async function claim(
	tx: Prisma.TransactionClient,
	token: string,
	email?: string,
): Promise<Invitation> {
	const tokenHash = sha256Hex(token);
	const claimed = await tx.invitation.updateMany({
		where: {
			tokenHash,
			acceptedAt: null,
			expiresAt: { gt: new Date() },
			...(email === undefined ? {} : { email }),
		},
		data: { acceptedAt: new Date() },
	});
	if (claimed.count !== 1) throw gone();
	return tx.invitation.findUniqueOrThrow({ where: { tokenHash } });
}
