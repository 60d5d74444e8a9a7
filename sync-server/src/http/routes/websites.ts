import { HEADERS, type WebsiteBootstrapResponse } from "@cossistant/types";
import { type Request, Router } from "express";
import { uuidv7 } from "uuidv7";
import * as v from "valibot";
import type { Authenticator } from "../../auth/authenticator.ts";
import { TokenBucketLimiter } from "../../limits/token-bucket.ts";
import type { Database } from "../../persistence/database.ts";
import {
	loadVisitorProfile,
	publicVisitorOf,
	type VisitorProfile,
} from "../../queries/visitor-profile.ts";
import { pageOrigin } from "../page-origin.ts";
import { rateLimited } from "../rate-limit.ts";

const languageSchema = v.pipe(
	v.string(),
	v.trim(),
	v.maxLength(35),
	v.regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/),
);
const timezoneSchema = v.pipe(
	v.string(),
	v.trim(),
	v.maxLength(64),
	v.regex(/^[A-Za-z0-9_+\-/]+$/),
);

/** Options of {@link websitesRouter}. */
export interface WebsitesRouterOptions {
	/** New visitors per hour per client IP (token bucket); 0 or absent = unlimited. */
	visitorCreationPerHour?: number;
}

/**
 * `GET /v1/websites`: the widget's bootstrap. With a public key from an allowed origin it
 * resumes the visitor proven by `X-Visitor-Token` or creates a new one, and returns the
 * website, the visitor and a signed visitor token: the one it was given while that is young,
 * else a fresh one. This is also where a token renews: an expired one still inside its grace
 * period resumes the same visitor (blocked ones stay blocked) with a fresh token; older ones
 * are ignored, as forged ones are.
 */
export function websitesRouter(
	db: Database,
	auth: Authenticator,
	options: WebsitesRouterOptions = {},
): Router {
	const router = Router();
	const perHour = options.visitorCreationPerHour ?? 0;
	// Visitors cost a row each and every visitor has its own command budget: minting them is
	// limited per client IP, so a script cannot multiply its budgets (or fill the table).
	const creations = perHour > 0 ? new TokenBucketLimiter(perHour, 3_600_000) : null;
	router.get("/websites", async (req, res) => {
		const key = await auth.checkPublicKey(req.header(HEADERS.publicKey), pageOrigin(req));
		const language = parseOptional(
			languageSchema,
			req.header(HEADERS.visitorLanguage) ?? firstAcceptLanguage(req),
		);
		const timezone = parseOptional(timezoneSchema, req.header(HEADERS.visitorTimezone));
		// Kept so agents can tell a contact's devices apart (browser / OS); capped, never trusted.
		const userAgent = req.header("user-agent")?.slice(0, 512) || undefined;

		const token = req.header(HEADERS.visitorToken);
		// The public face comes from a short-lived cache (or its one query) while the visitor loads.
		const [website, resumed] = await Promise.all([
			auth.websites.publicWebsite(key.websiteId),
			token ? resumeVisitor(db, auth, token, key.websiteId) : null,
		]);
		const changes = {
			...(language ? { language } : {}),
			...(timezone ? { timezone } : {}),
			...(userAgent ? { userAgent } : {}),
		};
		if (!resumed && creations) {
			const decision = creations.take(`ip:${req.ip ?? "unknown"}`);
			if (!decision.allowed) {
				throw rateLimited(res, decision.retryAfterMs, "Too many new visitors from this address.");
			}
		}
		const shown = { id: true, language: true, timezone: true, isBlocked: true } as const;
		const visitor = !resumed
			? await db.prisma.visitor.create({
					data: { id: uuidv7(), websiteId: key.websiteId, language, timezone, userAgent },
					select: shown,
				})
			: needsTouch(resumed, changes)
				? await db.prisma.visitor.update({
						where: { id: resumed.id },
						data: { lastSeenAt: new Date(), ...changes },
						select: shown,
					})
				: resumed;
		const publicVisitor = publicVisitorOf({ ...visitor, contact: resumed?.contact ?? null });
		const body: WebsiteBootstrapResponse = {
			website,
			visitor: publicVisitor,
			visitorToken:
				token && resumed && !resumed.renew
					? token
					: auth.visitorTokens.sign(visitor.id, website.id),
		};
		res.json(body);
	});
	return router;
}

/**
 * A resumed visitor's row is rewritten only when something changed or `lastSeenAt` is older than
 * this: a bootstrap on every page view would otherwise be a write transaction each (the `rest`
 * benchmark), for a timestamp agents read in minutes.
 */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * The visitor a valid or still renewable token proves, if it still exists in the key's website,
 * and whether the token should be replaced by a fresh one (expired, or old enough to renew).
 */
async function resumeVisitor(
	db: Database,
	auth: Authenticator,
	token: string,
	websiteId: string,
): Promise<(VisitorProfile & { renew: boolean }) | null> {
	const check = auth.visitorTokens.check(token);
	if (check.status === "invalid" || (check.status === "expired" && !check.renewable)) return null;
	const { claims } = check;
	if (claims.websiteId !== websiteId) return null;
	const visitor = await loadVisitorProfile(db, claims.visitorId);
	if (visitor?.websiteId !== websiteId) return null;
	const renew = check.status === "expired" || auth.visitorTokens.needsRenewal(claims);
	return { ...visitor, renew };
}

function needsTouch(
	visitor: VisitorProfile,
	changes: { language?: string; timezone?: string; userAgent?: string },
): boolean {
	if (Date.now() - visitor.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) return true;
	return Object.entries(changes).some(
		([field, value]) => visitor[field as keyof typeof changes] !== value,
	);
}

function parseOptional<T>(
	schema: v.GenericSchema<string, T>,
	value: string | undefined,
): T | undefined {
	if (value === undefined || value === "") return undefined;
	const parsed = v.safeParse(schema, value);
	return parsed.success ? parsed.output : undefined;
}

function firstAcceptLanguage(req: Request): string | undefined {
	return req.headers["accept-language"]?.split(",")[0]?.split(";")[0]?.trim();
}
