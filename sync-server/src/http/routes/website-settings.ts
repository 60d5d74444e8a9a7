import { updateWebsiteSettingsRequestSchema, type WebsiteSettings } from "@cossistant/types";
import { Router } from "express";
import * as v from "valibot";
import type { Authenticator } from "../../auth/authenticator.ts";
import { randomToken } from "../../auth/crypto-helpers.ts";
import { ApiError } from "../../errors/api-error.ts";
import type { Website } from "../../generated/prisma/client.ts";
import type { Database } from "../../persistence/database.ts";
import { requireWebsiteAdmin, requireWebsiteAgent } from "../request-auth.ts";
import { idParam } from "../route-params.ts";

/**
 * A website's trust settings: `GET /v1/websites/:websiteId/settings` (its agents),
 * `PATCH` (admins: name, allowed origins, identity verification, typical reply time) and
 * `POST …/settings/identity-secret` (admins: a new identify() HMAC secret, shown once; the
 * old one stops verifying at once). The secret itself is never readable afterwards.
 */
export function websiteSettingsRouter(db: Database, auth: Authenticator): Router {
	const router = Router();

	router.get("/websites/:websiteId/settings", async (req, res) => {
		const websiteId = idParam(req, "websiteId");
		await requireWebsiteAgent(auth, req, websiteId);
		res.json(toSettings(await findWebsite(db, websiteId)));
	});

	router.patch("/websites/:websiteId/settings", async (req, res) => {
		const websiteId = idParam(req, "websiteId");
		await requireWebsiteAdmin(auth, req, websiteId);
		const patch = v.parse(updateWebsiteSettingsRequestSchema, req.body);
		const website = await db.prisma.website.update({
			where: { id: websiteId },
			data: {
				...(patch.name === undefined ? {} : { name: patch.name }),
				...(patch.allowedOrigins === undefined
					? {}
					: { allowedOrigins: [...new Set(patch.allowedOrigins)] }),
				...(patch.identityVerificationRequired === undefined
					? {}
					: { identityVerificationRequired: patch.identityVerificationRequired }),
				...(patch.replyTimeMinutes === undefined
					? {}
					: { replyTimeMinutes: patch.replyTimeMinutes }),
			},
		});
		res.json(toSettings(website));
	});

	router.post("/websites/:websiteId/settings/identity-secret", async (req, res) => {
		const websiteId = idParam(req, "websiteId");
		await requireWebsiteAdmin(auth, req, websiteId);
		const identitySecret = randomToken(32);
		await db.prisma.website.update({ where: { id: websiteId }, data: { identitySecret } });
		res.json({ identitySecret });
	});

	return router;
}

async function findWebsite(db: Database, websiteId: string): Promise<Website> {
	const website = await db.prisma.website.findUnique({ where: { id: websiteId } });
	if (!website) throw new ApiError(404, "not_found", "Website not found.");
	return website;
}

function toSettings(website: Website): WebsiteSettings {
	return {
		id: website.id,
		name: website.name,
		allowedOrigins: website.allowedOrigins,
		identityVerificationRequired: website.identityVerificationRequired,
		replyTimeMinutes: website.replyTimeMinutes,
	};
}
