import { loginRequestSchema } from "@cossistant/types";
import { Router } from "express";
import * as v from "valibot";
import type { Authenticator } from "../../auth/authenticator.ts";
import { sha256Hex } from "../../auth/crypto-helpers.ts";
import { verifyPassword } from "../../auth/passwords.ts";
import { openSession } from "../../auth/sessions.ts";
import { ApiError } from "../../errors/api-error.ts";
import type { Database } from "../../persistence/database.ts";
import type { SocketSupervisor } from "../../realtime/socket-supervisor.ts";
import { loginRateLimit, type RestLimits } from "../rate-limit.ts";
import { bearerToken, requireAgent } from "../request-auth.ts";

/** What the agent-auth routes need besides the database and the authenticator. */
export interface AgentAuthOptions {
	sessionTtlMs: number;
	limits: RestLimits;
	/** Closes the WebSockets of a session that logs out. */
	sockets: Pick<SocketSupervisor, "closeSession">;
}

/**
 * Agent sessions: `POST /v1/auth/login` → bearer token (stored hashed; failed attempts limited
 * per email and per IP), `GET /v1/auth/me`, `POST /v1/auth/logout` (ends the session and closes
 * its open WebSockets).
 */
export function agentAuthRouter(
	db: Database,
	auth: Authenticator,
	options: AgentAuthOptions,
): Router {
	const router = Router();

	// The limiter sits on the route, so every spelling Express routes here (`/auth/Login`,
	// `/auth/login/`) counts against the same lock.
	router.post("/auth/login", loginRateLimit(options.limits), async (req, res) => {
		const { email, password } = v.parse(loginRequestSchema, req.body);
		const user = await db.prisma.user.findUnique({ where: { email: email.toLowerCase() } });
		// Verify against a dummy hash for unknown emails too, so timing does not reveal accounts.
		const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
		if (!user || !valid) throw new ApiError(401, "invalid_credentials", "Wrong email or password.");
		res.json(await openSession(db, user.id, options.sessionTtlMs));
	});

	router.get("/auth/me", async (req, res) => {
		const agent = await requireAgent(auth, req);
		res.json({
			userId: agent.userId,
			name: agent.name,
			role: agent.adminWebsiteIds.size > 0 ? "admin" : "agent",
			websiteIds: [...agent.websiteIds],
			adminWebsiteIds: [...agent.adminWebsiteIds],
		});
	});

	router.post("/auth/logout", async (req, res) => {
		const token = bearerToken(req);
		if (token) {
			const sessions = await db.prisma.session.findMany({
				where: { tokenHash: sha256Hex(token) },
				select: { id: true },
			});
			await db.prisma.session.deleteMany({ where: { id: { in: sessions.map((s) => s.id) } } });
			for (const { id } of sessions) options.sockets.closeSession(id);
		}
		res.status(204).end();
	});

	return router;
}

// scrypt hash of a random password nobody knows (same parameters as real hashes).
const DUMMY_HASH =
	"scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$jJ4p0f8K3pTDaP0Tj2yQ2rJ7yG5xO3l8Y1q2cL6nWm0kM2wV9hR4tE7uI1oP3aS5dF8gH0jK2lZ4xC6vB8nM0q==";
