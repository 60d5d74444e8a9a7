import { ApiError } from "../http/api-error.ts";
import type { Database } from "../persistence/database.ts";
import { parseApiKey } from "./api-keys.ts";
import { sha256Hex } from "./crypto-helpers.ts";
import { isOriginAllowed } from "./origins.ts";
import type { UserPrincipal, VisitorPrincipal } from "./principal.ts";
import { VisitorTokenSigner } from "./visitor-token.ts";

/** The website a valid public key belongs to. */
export interface PublicKeyContext {
	websiteId: string;
	apiKeyId: string;
	environment: "test" | "live";
}

/**
 * Checks credentials: public keys with their allowed origins, visitor tokens, agent sessions.
 * Every failure is an ApiError with a stable code; nothing here trusts the caller.
 */
export class Authenticator {
	readonly visitorTokens: VisitorTokenSigner;

	constructor(
		private readonly db: Database,
		secret: string,
	) {
		this.visitorTokens = new VisitorTokenSigner(secret);
	}

	/**
	 * Resolves a public key used from `origin` (the browser's Origin header; undefined for
	 * non-browser callers, accepted only with test keys).
	 */
	async checkPublicKey(
		key: string | undefined,
		origin: string | undefined,
	): Promise<PublicKeyContext> {
		if (!key)
			throw new ApiError(
				401,
				"missing_public_key",
				"A public key is required (X-Public-Key header).",
			);
		const shape = parseApiKey(key);
		if (shape?.kind !== "public") {
			throw new ApiError(401, "invalid_api_key", "The public key is malformed or unknown.");
		}
		const apiKey = await this.db.prisma.apiKey.findUnique({
			where: { keyHash: sha256Hex(key) },
			include: { website: { select: { allowedOrigins: true } } },
		});
		if (!apiKey || apiKey.revokedAt || apiKey.kind !== "public") {
			throw new ApiError(401, "invalid_api_key", "The public key is unknown or revoked.");
		}
		const environment = apiKey.environment as "test" | "live";
		const allowed =
			origin === undefined || origin === "null"
				? environment === "test"
				: isOriginAllowed(origin, apiKey.website.allowedOrigins, environment);
		if (!allowed) {
			throw new ApiError(
				403,
				"origin_not_allowed",
				`Domain not allowed: ${origin ?? "(no origin)"} is not in this website's allowed domains.`,
			);
		}
		return { websiteId: apiKey.websiteId, apiKeyId: apiKey.id, environment };
	}

	/** Verifies a visitor token against the database; `null` if forged, stale or foreign. */
	async checkVisitorToken(token: string, websiteId?: string): Promise<VisitorPrincipal | null> {
		const claims = this.visitorTokens.verify(token);
		if (!claims || (websiteId && claims.websiteId !== websiteId)) return null;
		const visitor = await this.db.prisma.visitor.findUnique({
			where: { id: claims.visitorId },
			select: { websiteId: true },
		});
		if (!visitor || visitor.websiteId !== claims.websiteId) return null;
		return { kind: "visitor", visitorId: claims.visitorId, websiteId: claims.websiteId };
	}

	/** Resolves an agent session token; throws `session_expired` / `unauthorized`. */
	async checkSession(token: string): Promise<UserPrincipal> {
		const session = await this.db.prisma.session.findUnique({
			where: { tokenHash: sha256Hex(token) },
			include: { user: { include: { memberships: { select: { websiteId: true } } } } },
		});
		if (!session) throw new ApiError(401, "unauthorized", "Unknown session token.");
		if (session.expiresAt.getTime() <= Date.now()) {
			throw new ApiError(401, "session_expired", "The session has expired; log in again.");
		}
		const { user } = session;
		return {
			kind: "user",
			userId: user.id,
			name: user.name,
			role: user.role === "admin" ? "admin" : "agent",
			websiteIds: new Set(user.memberships.map((m) => m.websiteId)),
		};
	}
}
