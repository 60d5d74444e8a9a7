import type { IncomingHttpHeaders } from "node:http";
import { LRUCache } from "lru-cache";
import { ApiError } from "../errors/api-error.ts";
import type { Database } from "../persistence/database.ts";
import { parseApiKey } from "./api-keys.ts";
import { safeEqual, sha256Hex } from "./crypto-helpers.ts";
import type { SocketClose } from "./ended-credential.ts";
import { KeyUsageRecorder } from "./key-usage.ts";
import { isOriginAllowed } from "./origins.ts";
import type { BackendPrincipal, UserPrincipal, VisitorPrincipal } from "./principal.ts";
import { loadPublicWebsite } from "./public-website.ts";
import { StaleIfUnreachable } from "./stale-if-unreachable.ts";
import { type VisitorTokenLifetime, VisitorTokenSigner } from "./visitor-token.ts";
import { type CachedPublicKey, WebsiteCache } from "./website-cache.ts";

/** The website a valid public key belongs to. */
export interface PublicKeyContext {
	websiteId: string;
	apiKeyId: string;
	environment: "test" | "live";
}

/** The website a valid private key (`sk_…`) belongs to: a backend of that website. */
export interface PrivateKeyContext {
	websiteId: string;
	apiKeyId: string;
	environment: "test" | "live";
}

/** How long credentials checked against the database may stand in for it during an outage. */
export interface OutageMemoryOptions {
	/** The oldest answer used (ms); 0 turns the memory off. */
	maxAgeMs: number;
	/** How long a credential query may hang before the memory answers (ms). */
	patienceMs: number;
	/** Told when a remembered answer was used (for a log line). */
	onServedStale?: (what: string) => void;
}

/** What the Authenticator needs besides the database and the server secret. */
export interface AuthenticatorOptions {
	/** Failures of background work (recording a key's last use). */
	onBackgroundError?: (error: unknown) => void;
	/** Credentials served from memory while PostgreSQL is unreachable (off when absent). */
	outageMemory?: OutageMemoryOptions;
	/** How long visitor tokens are accepted and renewable (30 + 30 days when absent). */
	visitorTokenLifetime?: VisitorTokenLifetime;
}

/** A session row as `checkSession` reads it. */
type SessionWithUser = NonNullable<Awaited<ReturnType<Authenticator["loadSession"]>>>;

/**
 * Checks credentials: public keys with their allowed origins, visitor tokens, agent sessions.
 * Every failure is an ApiError with a stable code; nothing here trusts the caller.
 */
export class Authenticator {
	readonly visitorTokens: VisitorTokenSigner;
	/** Public keys and websites' public faces, cached for a few seconds (see WebsiteCache). */
	readonly websites: WebsiteCache;
	private readonly keyUsage: KeyUsageRecorder;
	/**
	 * Visitors whose row was seen, by id → website. Visitor rows are never deleted nor moved
	 * (they go only with their website), so a token whose visitor was seen needs no query.
	 */
	private readonly knownVisitors = new LRUCache<string, string>({ max: 100_000 });
	/**
	 * Sessions and public keys this process found valid recently, by token / key hash: used only
	 * while the database cannot answer, so agents and widgets already known here can still open
	 * sockets during an outage (see StaleIfUnreachable; `forget` drops ended credentials).
	 */
	private readonly rememberedSessions: StaleIfUnreachable<SessionWithUser>;
	private readonly rememberedKeys: StaleIfUnreachable<CachedPublicKey>;

	constructor(
		private readonly db: Database,
		secret: string,
		options: AuthenticatorOptions = {},
	) {
		this.visitorTokens = new VisitorTokenSigner(secret, options.visitorTokenLifetime);
		this.keyUsage = new KeyUsageRecorder(db, options.onBackgroundError);
		const memory = options.outageMemory;
		const remember = (what: string) =>
			({
				maxAgeMs: memory?.maxAgeMs ?? 0,
				patienceMs: memory?.patienceMs ?? 0,
				max: 100_000,
				onServedStale: () => memory?.onServedStale?.(what),
			}) as const;
		this.rememberedSessions = new StaleIfUnreachable(remember("session"));
		this.rememberedKeys = new StaleIfUnreachable(remember("public key"));
		this.websites = new WebsiteCache(
			(keyHash) => this.rememberedKeys.get(keyHash, () => this.loadPublicKey(keyHash)),
			(websiteId) => loadPublicWebsite(db, websiteId),
		);
	}

	/**
	 * Forgets remembered credentials that just ended (a logout, an agent removed, a key revoked),
	 * so an outage right after cannot bring them back.
	 */
	forget(ended: SocketClose): void {
		if (ended.kind === "session") this.rememberedSessions.forget((_, s) => s.id === ended.id);
		if (ended.kind === "user") this.rememberedSessions.forget((_, s) => s.user.id === ended.id);
		if (ended.kind === "apiKey") this.rememberedKeys.forget((_, key) => key.id === ended.id);
	}

	/**
	 * Resolves a public key used from `origin` (the request's Origin header), which must be one
	 * of the website's allowed origins, or a loopback origin for a test key.
	 *
	 * A public key is a browser credential and the Origin check is what keeps other web pages
	 * from using it in their visitors' browsers. Browsers always send Origin on cross-origin
	 * requests and WebSocket upgrades; they send `null` from sandboxed frames, `file://` pages
	 * and redirects, which any web page can produce, so `null` is refused whatever the key.
	 * A missing Origin comes from a non-browser client (a server, a script), which could send
	 * any Origin it likes: refusing it protects nothing by itself, but accepting it would make
	 * "no Origin" a way around the rule for every key, and the rule stays one sentence. So every
	 * caller, servers and test tools included, states an allowed origin.
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
		const apiKey = await this.websites.publicKey(sha256Hex(key));
		if (!apiKey || apiKey.revokedAt || apiKey.kind !== "public") {
			throw new ApiError(401, "invalid_api_key", "The public key is unknown or revoked.");
		}
		this.keyUsage.touch(apiKey.id, apiKey.lastUsedAt);
		const environment = apiKey.environment as "test" | "live";
		if (origin === undefined) {
			throw new ApiError(
				403,
				"origin_not_allowed",
				"A public key is used from a web page: send the page's Origin header (one of this website's allowed domains).",
			);
		}
		if (!isOriginAllowed(origin, apiKey.allowedOrigins, environment)) {
			throw new ApiError(
				403,
				"origin_not_allowed",
				`Domain not allowed: ${origin} is not in this website's allowed domains.`,
			);
		}
		return { websiteId: apiKey.websiteId, apiKeyId: apiKey.id, environment };
	}

	private async loadPublicKey(keyHash: string): Promise<CachedPublicKey | null> {
		const row = await this.db.prisma.apiKey.findUnique({
			where: { keyHash },
			select: {
				id: true,
				websiteId: true,
				kind: true,
				environment: true,
				revokedAt: true,
				lastUsedAt: true,
				website: { select: { allowedOrigins: true } },
			},
		});
		if (!row) return null;
		const { website, ...key } = row;
		return { ...key, allowedOrigins: website.allowedOrigins };
	}

	/**
	 * Resolves `Authorization: Bearer sk_…` of a backend request (an Express request works).
	 * Refuses a missing header (`unauthorized`), a public key (`private_key_required`: those are
	 * for browsers) and unknown or revoked keys (`invalid_api_key`).
	 */
	async checkPrivateKey(req: { headers: IncomingHttpHeaders }): Promise<PrivateKeyContext> {
		const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
		const key = match?.[1];
		if (!key) {
			throw new ApiError(401, "unauthorized", "Send a private key: Authorization: Bearer sk_….");
		}
		const shape = parseApiKey(key);
		if (shape?.kind === "public") {
			throw new ApiError(
				403,
				"private_key_required",
				"Public keys are for browsers; call this route from your server with a private key.",
			);
		}
		if (!shape)
			throw new ApiError(401, "invalid_api_key", "The private key is malformed or unknown.");
		// Keys are high-entropy, so looking one up by its SHA-256 leaks nothing useful through timing;
		// the stored hash is still compared in constant time, so no byte-by-byte comparison of
		// secret material ever happens in this process.
		const hash = sha256Hex(key);
		const apiKey = await this.db.prisma.apiKey.findUnique({ where: { keyHash: hash } });
		if (!apiKey || !safeEqual(apiKey.keyHash, hash) || apiKey.kind !== "private") {
			throw new ApiError(401, "invalid_api_key", "The private key is unknown or revoked.");
		}
		if (apiKey.revokedAt) {
			throw new ApiError(401, "invalid_api_key", "The private key is unknown or revoked.");
		}
		this.keyUsage.touch(apiKey.id, apiKey.lastUsedAt);
		return {
			websiteId: apiKey.websiteId,
			apiKeyId: apiKey.id,
			environment: apiKey.environment as "test" | "live",
		};
	}

	/**
	 * The principal a backend acts as: "the API", or the website's AI agent `aiAgentId` (whose
	 * messages and events are attributed to it). An AI agent of another website is `not_found`.
	 */
	async backendPrincipal(
		key: PrivateKeyContext,
		aiAgentId?: string | null,
	): Promise<BackendPrincipal> {
		if (!aiAgentId) {
			return { kind: "backend", websiteId: key.websiteId, apiKeyId: key.apiKeyId, name: "API" };
		}
		const aiAgent = await this.db.prisma.aiAgent.findUnique({
			where: { id: aiAgentId },
			select: { websiteId: true, name: true },
		});
		if (!aiAgent || aiAgent.websiteId !== key.websiteId) {
			throw new ApiError(404, "not_found", `AI agent ${aiAgentId} does not exist.`);
		}
		return {
			kind: "backend",
			websiteId: key.websiteId,
			apiKeyId: key.apiKeyId,
			aiAgentId,
			name: aiAgent.name,
		};
	}

	/**
	 * Verifies a visitor token against the database; `null` if forged, stale or foreign. An
	 * expired token throws `visitor_token_expired` (401): the widget renews it at the bootstrap,
	 * the only place an expired token is worth anything.
	 */
	async checkVisitorToken(token: string, websiteId?: string): Promise<VisitorPrincipal | null> {
		const check = this.visitorTokens.check(token);
		if (check.status === "invalid") return null;
		const { claims } = check;
		if (websiteId && claims.websiteId !== websiteId) return null;
		if (check.status === "expired") {
			throw new ApiError(
				401,
				"visitor_token_expired",
				"The visitor token has expired; renew it with GET /v1/websites.",
			);
		}
		const visitorWebsiteId =
			this.knownVisitors.get(claims.visitorId) ??
			(
				await this.db.prisma.visitor.findUnique({
					where: { id: claims.visitorId },
					select: { websiteId: true },
				})
			)?.websiteId;
		if (visitorWebsiteId !== claims.websiteId) return null;
		this.knownVisitors.set(claims.visitorId, visitorWebsiteId);
		return {
			kind: "visitor",
			visitorId: claims.visitorId,
			websiteId: claims.websiteId,
			tokenExpiresAt: this.visitorTokens.expiresAt(claims),
		};
	}

	/** Resolves an agent session token; throws `session_expired` / `unauthorized`. */
	async checkSession(token: string): Promise<UserPrincipal> {
		const tokenHash = sha256Hex(token);
		const session = await this.rememberedSessions.get(tokenHash, () => this.loadSession(tokenHash));
		if (!session) throw new ApiError(401, "unauthorized", "Unknown session token.");
		if (session.expiresAt.getTime() <= Date.now()) {
			throw new ApiError(401, "session_expired", "The session has expired; log in again.");
		}
		const { user } = session;
		return {
			kind: "user",
			userId: user.id,
			name: user.name,
			websiteIds: new Set(user.memberships.map((m) => m.websiteId)),
			adminWebsiteIds: new Set(
				user.memberships.filter((m) => m.role === "admin").map((m) => m.websiteId),
			),
			sessionId: session.id,
		};
	}

	private loadSession(tokenHash: string) {
		return this.db.prisma.session.findUnique({
			where: { tokenHash },
			// Only what a principal needs: this row may be remembered for minutes (no password hash).
			select: {
				id: true,
				expiresAt: true,
				user: {
					select: {
						id: true,
						name: true,
						memberships: { select: { websiteId: true, role: true } },
					},
				},
			},
		});
	}
}
