import { type LoginResponse, loginRequestSchema } from "@cossistant/types";
import { Router } from "express";
import { uuidv7 } from "uuidv7";
import type { Authenticator } from "../../auth/authenticator.ts";
import { randomToken, sha256Hex } from "../../auth/crypto-helpers.ts";
import { verifyPassword } from "../../auth/passwords.ts";
import type { Database } from "../../persistence/database.ts";
import { ApiError } from "../api-error.ts";
import { bearerToken, requireAgent } from "../request-auth.ts";

/**
 * Agent sessions: `POST /v1/auth/login` → bearer token (stored hashed), `GET /v1/auth/me`,
 * `POST /v1/auth/logout`. The trust issue adds setup, invitations and rate limits.
 */
export function agentAuthRouter(db: Database, auth: Authenticator, sessionTtlMs: number): Router {
	const router = Router();

	router.post("/auth/login", async (req, res) => {
		const { email, password } = loginRequestSchema.parse(req.body);
		const user = await db.prisma.user.findUnique({
			where: { email: email.toLowerCase() },
			include: { memberships: { select: { websiteId: true } } },
		});
		// Verify against a dummy hash for unknown emails too, so timing does not reveal accounts.
		const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
		if (!user || !valid) throw new ApiError(401, "invalid_credentials", "Wrong email or password.");
		const token = `st_${randomToken(32)}`;
		const expiresAt = new Date(Date.now() + sessionTtlMs);
		await db.prisma.session.create({
			data: { id: uuidv7(), userId: user.id, tokenHash: sha256Hex(token), expiresAt },
		});
		const body: LoginResponse = {
			token,
			expiresAt: expiresAt.toISOString(),
			user: {
				id: user.id,
				email: user.email,
				name: user.name,
				image: user.image,
				role: user.role === "admin" ? "admin" : "agent",
			},
			websiteIds: user.memberships.map((m) => m.websiteId),
		};
		res.json(body);
	});

	router.get("/auth/me", async (req, res) => {
		const agent = await requireAgent(auth, req);
		res.json({
			userId: agent.userId,
			name: agent.name,
			role: agent.role,
			websiteIds: [...agent.websiteIds],
		});
	});

	router.post("/auth/logout", async (req, res) => {
		const token = bearerToken(req);
		if (token) await db.prisma.session.deleteMany({ where: { tokenHash: sha256Hex(token) } });
		res.status(204).end();
	});

	return router;
}

// scrypt hash of a random password nobody knows (same parameters as real hashes).
const DUMMY_HASH =
	"scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$jJ4p0f8K3pTDaP0Tj2yQ2rJ7yG5xO3l8Y1q2cL6nWm0kM2wV9hR4tE7uI1oP3aS5dF8gH0jK2lZ4xC6vB8nM0q==";
