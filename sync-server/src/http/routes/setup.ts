import { setupRequestSchema } from "@cossistant/types";
import { Router } from "express";
import { uuidv7 } from "uuidv7";
import * as v from "valibot";
import { generateApiKey } from "../../auth/api-keys.ts";
import { randomToken } from "../../auth/crypto-helpers.ts";
import { hashPassword } from "../../auth/passwords.ts";
import { openSession } from "../../auth/sessions.ts";
import { ApiError } from "../../errors/api-error.ts";
import type { Database } from "../../persistence/database.ts";

/** Transaction-scoped advisory lock id: serialises setups (this route, `create-admin`) across processes. */
export const SETUP_LOCK_ID = 7_320_001;

/**
 * First-admin setup of an empty install. `GET /v1/setup` says whether it is needed;
 * `POST /v1/setup` creates the first admin, a first website and its `pk_test_…` key, and logs
 * the admin in. Once any agent exists it answers 409 `conflict` for good: whoever reaches a
 * fresh install first owns it, so set it up before exposing it (or start with the demo seed).
 */
export function setupRouter(db: Database, sessionTtlMs: number): Router {
	const router = Router();

	router.get("/setup", async (_req, res) => {
		res.json({ needsSetup: (await db.prisma.user.count()) === 0 });
	});

	router.post("/setup", async (req, res) => {
		const body = v.parse(setupRequestSchema, req.body);
		// Checked again under the lock below; this early answer spares a password hash.
		if ((await db.prisma.user.count()) > 0) throw setupDone();
		const passwordHash = await hashPassword(body.password);
		const key = generateApiKey("public", "test");
		const websiteId = uuidv7();
		const userId = uuidv7();
		await db.prisma.$transaction(async (tx) => {
			await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK_ID})`;
			if ((await tx.user.count()) > 0) throw setupDone();
			await tx.website.create({
				data: {
					id: websiteId,
					name: body.websiteName,
					allowedOrigins: [...new Set(body.allowedOrigins ?? [])],
					identitySecret: randomToken(32),
				},
			});
			await tx.apiKey.create({
				data: {
					id: uuidv7(),
					websiteId,
					kind: "public",
					environment: "test",
					name: "Default public key",
					prefix: key.prefix,
					keyHash: key.hash,
					publicValue: key.value,
				},
			});
			await tx.user.create({
				data: {
					id: userId,
					email: body.email.toLowerCase(),
					name: body.name,
					passwordHash,
				},
			});
			await tx.websiteMember.create({ data: { websiteId, userId, role: "admin" } });
		});
		const session = await openSession(db, userId, sessionTtlMs);
		res.status(201).json({
			...session,
			website: { id: websiteId, name: body.websiteName },
			publicKey: key.value,
		});
	});

	return router;
}

function setupDone(): ApiError {
	return new ApiError(409, "conflict", "This install is set up already: log in instead.");
}
