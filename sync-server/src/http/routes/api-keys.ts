import { type ApiKeyRecord, createApiKeyRequestSchema } from "@cossistant/types";
import { Router } from "express";
import { uuidv7 } from "uuidv7";
import * as v from "valibot";
import { generateApiKey } from "../../auth/api-keys.ts";
import type { Authenticator } from "../../auth/authenticator.ts";
import { ApiError } from "../../errors/api-error.ts";
import type { ApiKey } from "../../generated/prisma/client.ts";
import type { Database } from "../../persistence/database.ts";
import type { SocketSupervisor } from "../../realtime/socket-supervisor.ts";
import { requireWebsiteAdmin } from "../request-auth.ts";
import { idParam } from "../route-params.ts";

/**
 * API keys of a website, for its admins: `GET` lists them, `POST` creates one (the value is in
 * this one response; a private key is stored only as its SHA-256), `DELETE …/:apiKeyId` revokes
 * one: it is refused from then on, and sockets opened with it are closed.
 */
export function apiKeysRouter(
	db: Database,
	auth: Authenticator,
	sockets: Pick<SocketSupervisor, "closeApiKey">,
): Router {
	const router = Router();

	router.get("/websites/:websiteId/api-keys", async (req, res) => {
		const websiteId = idParam(req, "websiteId");
		await requireWebsiteAdmin(auth, req, websiteId);
		const keys = await db.prisma.apiKey.findMany({
			where: { websiteId },
			orderBy: { createdAt: "asc" },
		});
		res.json({ apiKeys: keys.map(toApiKeyRecord) });
	});

	router.post("/websites/:websiteId/api-keys", async (req, res) => {
		const websiteId = idParam(req, "websiteId");
		await requireWebsiteAdmin(auth, req, websiteId);
		const { name, kind, environment } = v.parse(createApiKeyRequestSchema, req.body);
		const key = generateApiKey(kind, environment);
		const row = await db.prisma.apiKey.create({
			data: {
				id: uuidv7(),
				websiteId,
				kind,
				environment,
				name,
				prefix: key.prefix,
				keyHash: key.hash,
				publicValue: kind === "public" ? key.value : null,
			},
		});
		res.status(201).json({ apiKey: toApiKeyRecord(row), key: key.value });
	});

	router.delete("/websites/:websiteId/api-keys/:apiKeyId", async (req, res) => {
		const websiteId = idParam(req, "websiteId");
		const apiKeyId = idParam(req, "apiKeyId");
		await requireWebsiteAdmin(auth, req, websiteId);
		// Only a not-yet-revoked key is stamped, so revoking twice keeps the first time.
		await db.prisma.apiKey.updateMany({
			where: { id: apiKeyId, websiteId, revokedAt: null },
			data: { revokedAt: new Date() },
		});
		const row = await db.prisma.apiKey.findFirst({ where: { id: apiKeyId, websiteId } });
		if (!row) throw new ApiError(404, "not_found", "No such API key.");
		sockets.closeApiKey(row.id);
		res.json({ apiKey: toApiKeyRecord(row) });
	});

	return router;
}

/** The admin-facing record of a key row (never the hash; a private key's value is gone). */
export function toApiKeyRecord(row: ApiKey): ApiKeyRecord {
	return {
		id: row.id,
		websiteId: row.websiteId,
		name: row.name,
		kind: row.kind === "private" ? "private" : "public",
		environment: row.environment === "live" ? "live" : "test",
		prefix: row.prefix,
		publicValue: row.kind === "public" ? row.publicValue : null,
		lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
		revokedAt: row.revokedAt?.toISOString() ?? null,
		createdAt: row.createdAt.toISOString(),
	};
}
