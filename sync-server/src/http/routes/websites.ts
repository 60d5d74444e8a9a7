import {
	HEADERS,
	type PublicVisitor,
	type VisitorMetadata,
	type WebsiteBootstrapResponse,
} from "@cossistant/types";
import { type Request, Router } from "express";
import { uuidv7 } from "uuidv7";
import * as z from "zod";
import type { Authenticator } from "../../auth/authenticator.ts";
import type { Database } from "../../persistence/database.ts";
import { ApiError } from "../api-error.ts";

const languageSchema = z
	.string()
	.trim()
	.max(35)
	.regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/);
const timezoneSchema = z
	.string()
	.trim()
	.max(64)
	.regex(/^[A-Za-z0-9_+\-/]+$/);

/**
 * `GET /v1/websites`: the widget's bootstrap. With a public key from an allowed origin it
 * resumes the visitor proven by `X-Visitor-Token` or creates a new one, and returns the
 * website, the visitor and a signed visitor token.
 */
export function websitesRouter(db: Database, auth: Authenticator): Router {
	const router = Router();
	router.get("/websites", async (req, res) => {
		const key = await auth.checkPublicKey(req.header(HEADERS.publicKey), req.headers.origin);
		const language = parseOptional(
			languageSchema,
			req.header(HEADERS.visitorLanguage) ?? firstAcceptLanguage(req),
		);
		const timezone = parseOptional(timezoneSchema, req.header(HEADERS.visitorTimezone));
		// Kept so agents can tell a contact's devices apart (browser / OS); capped, never trusted.
		const userAgent = req.header("user-agent")?.slice(0, 512) || undefined;

		const token = req.header(HEADERS.visitorToken);
		const resumed = token ? await auth.checkVisitorToken(token, key.websiteId) : null;
		const visitorId = resumed?.visitorId ?? uuidv7();
		const visitor = resumed
			? await db.prisma.visitor.update({
					where: { id: visitorId },
					data: {
						lastSeenAt: new Date(),
						...(language ? { language } : {}),
						...(timezone ? { timezone } : {}),
						...(userAgent ? { userAgent } : {}),
					},
					include: { contact: true },
				})
			: await db.prisma.visitor.create({
					data: { id: visitorId, websiteId: key.websiteId, language, timezone, userAgent },
					include: { contact: true },
				});

		const website = await db.prisma.website.findUnique({
			where: { id: key.websiteId },
			include: {
				members: { include: { user: { select: { id: true, name: true, image: true } } } },
				aiAgents: { select: { id: true, name: true, image: true } },
			},
		});
		if (!website) throw new ApiError(404, "not_found", "Website not found.");

		const publicVisitor: PublicVisitor = {
			id: visitor.id,
			language: visitor.language,
			timezone: visitor.timezone,
			isBlocked: visitor.isBlocked,
			contact: visitor.contact
				? {
						id: visitor.contact.id,
						externalId: visitor.contact.externalId,
						email: visitor.contact.email,
						name: visitor.contact.name,
						image: visitor.contact.image,
						metadata: (visitor.contact.metadata ?? {}) as VisitorMetadata,
					}
				: null,
		};
		const body: WebsiteBootstrapResponse = {
			website: {
				id: website.id,
				name: website.name,
				availableHumanAgents: website.members.map(({ user }) => ({
					id: user.id,
					name: user.name,
					image: user.image,
					lastSeenAt: null,
				})),
				availableAIAgents: website.aiAgents,
			},
			visitor: publicVisitor,
			visitorToken: auth.visitorTokens.sign(visitor.id, website.id),
		};
		res.json(body);
	});
	return router;
}

function parseOptional<T>(schema: z.ZodType<T>, value: string | undefined): T | undefined {
	if (value === undefined || value === "") return undefined;
	const parsed = schema.safeParse(value);
	return parsed.success ? parsed.data : undefined;
}

function firstAcceptLanguage(req: Request): string | undefined {
	return req.headers["accept-language"]?.split(",")[0]?.split(";")[0]?.trim();
}
