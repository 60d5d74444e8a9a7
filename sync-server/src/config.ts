import { resolve } from "node:path";
import { DEFAULT_UPLOAD_MAX_BYTES } from "@cossistant/types";
import * as v from "valibot";
import { assetPath } from "./asset-path.ts";

/**
 * A number read from an environment string as `Number()` reads it ("abc" fails as NaN). Its input
 * is unknown so a default can be given as the number it stands for.
 */
const numberFromEnv = v.pipe(v.unknown(), v.transform(Number), v.number());

/** An integer from the environment within `[min, max]`; `fallback` when unset. */
function integerFromEnv(min: number, max: number, fallback: number) {
	return v.optional(
		v.pipe(numberFromEnv, v.safeInteger(), v.minValue(min), v.maxValue(max)),
		fallback,
	);
}

/** "true"/"1" or "false"/"0"; anything else is refused. */
const booleanFromEnv = v.pipe(
	v.picklist(["true", "false", "1", "0"]),
	v.transform((value) => value === "true" || value === "1"),
);

/** A non-empty string from the environment. */
const nonEmpty = v.pipe(v.string(), v.minLength(1));

/** Every environment variable the sync-server reads (documented in the README's table). */
const envSchema = v.object({
	PORT: integerFromEnv(0, 65_535, 4000),
	HOST: v.optional(nonEmpty, "127.0.0.1"),
	/** Public base URL when behind a proxy; defaults to http://HOST:PORT. */
	PUBLIC_URL: v.optional(
		// Trimmed, any scheme the URL parser takes, then without the tabs and newlines the parser
		// ignores (what this variable has always accepted and meant).
		v.pipe(
			v.string(),
			v.trim(),
			v.url(),
			v.transform((value) => value.replace(/[\t\n\r]/g, "")),
		),
	),
	/** PostgreSQL connection string; unset → embedded PGlite under DATA_DIR. */
	DATABASE_URL: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL"),
		),
	),
	DATABASE_POOL_SIZE: integerFromEnv(1, 200, 10),
	/** Redis for running several processes: cross-process fan-out (Hocuspocus' Redis extension). */
	REDIS_URL: v.optional(
		v.pipe(v.string(), v.regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")),
	),
	DATA_DIR: v.optional(nonEmpty, ".data"),
	/** Secret for visitor tokens; unset → generated once and stored in the database. */
	AUTH_SECRET: v.optional(v.pipe(v.string(), v.minLength(32, "must be at least 32 characters"))),
	LOG_LEVEL: v.optional(
		v.picklist(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
		"info",
	),
	/** Seed a demo website, key and admin on an empty database. */
	SEED_DEMO: v.optional(booleanFromEnv, "true"),
	SESSION_TTL_HOURS: integerFromEnv(1, 24 * 365, 24 * 30),
	/**
	 * Days a visitor token is accepted (fractions allowed). The widget's bootstrap hands out a
	 * fresh one once the current one is a quarter of this old, so active visitors never see it end.
	 */
	VISITOR_TOKEN_TTL_DAYS: v.optional(v.pipe(numberFromEnv, v.gtValue(0), v.maxValue(3_650)), 30),
	/**
	 * Days after its expiry an expired visitor token may still be traded, at the bootstrap only,
	 * for a fresh token of the same visitor (keeping its queued commands); 0 = never. Older tokens
	 * are worthless: the bootstrap then starts a new visitor.
	 */
	VISITOR_TOKEN_GRACE_DAYS: v.optional(v.pipe(numberFromEnv, v.minValue(0), v.maxValue(3_650)), 30),
	/** Largest WebSocket frame accepted, in bytes. */
	WS_MAX_PAYLOAD: integerFromEnv(1_024, 64 * 1024 * 1024, 1024 * 1024),
	/** Log rows per document before it is compacted into its snapshot. */
	COMPACTION_THRESHOLD: integerFromEnv(2, Number.MAX_SAFE_INTEGER, 200),
	/**
	 * Server-written documents whose pipeline replica stays in memory (least recently used go
	 * first). Below the working set (about two per active visitor: its conversation and its
	 * visitor document) most batches reload replicas inside their transaction.
	 */
	REPLICA_CACHE_DOCS: integerFromEnv(100, 1_000_000, 20_000),
	/** Commands processed in one database transaction at most. */
	COMMAND_BATCH_SIZE: integerFromEnv(1, 10_000, 256),
	/** REST requests per minute per client IP (token bucket; bursts up to the same number). */
	REST_RATE_LIMIT: integerFromEnv(1, 1_000_000, 600),
	/**
	 * WebSocket upgrades per minute per client IP (token bucket; bursts up to the same number);
	 * 0 turns the limit off. A page opens one socket, and reconnects back off, so 120 is plenty.
	 */
	WS_UPGRADE_RATE_LIMIT: integerFromEnv(0, 1_000_000, 120),
	/**
	 * How long (seconds) credentials and document access checked against PostgreSQL may stand in
	 * for it while it is unreachable, so known agents and visitors can still open sockets and the
	 * documents this process holds; 0 turns this off (nothing new gets in during an outage).
	 * Ended credentials (logout, block, revocation, removal) are forgotten at once.
	 */
	OUTAGE_AUTH_MAX_AGE_S: integerFromEnv(0, 86_400, 600),
	/** How long (ms) a credential query may hang before remembered answers are used. */
	OUTAGE_AUTH_PATIENCE_MS: integerFromEnv(10, 60_000, 1_500),
	/**
	 * Client states one awareness (typing indicator) frame may carry; a frame with more closes its
	 * socket with 4413 `payload_too_large` before any state is decoded.
	 */
	AWARENESS_MAX_STATES: integerFromEnv(1, 10_000, 16),
	/** Bytes of client states one awareness frame may carry; more closes the socket with 4413. */
	AWARENESS_MAX_BYTES: integerFromEnv(256, 64 * 1024 * 1024, 16 * 1024),
	/** Awareness frames (updates and queries) per socket per second; the rest are dropped. */
	AWARENESS_RATE_LIMIT: integerFromEnv(1, 1_000_000, 30),
	/**
	 * Awareness client ids one connection (a socket on a document) may introduce; states for
	 * more, or for ids another client owns, are dropped.
	 */
	AWARENESS_CLIENTS_PER_CONNECTION: integerFromEnv(1, 1_000, 4),
	/**
	 * Warn log lines one client (visitor, agent) may cause per minute, e.g. about a malformed
	 * outbox; the rest are counted and the count is reported with the next line let through.
	 */
	CLIENT_WARN_LOG_LIMIT: integerFromEnv(1, 1_000_000, 10),
	/** Commands per minute per visitor over WebSocket outboxes (token bucket). */
	COMMAND_RATE_LIMIT: integerFromEnv(1, 1_000_000, 120),
	/**
	 * Visitors' outbox commands per minute per client IP, all its visitors together (token
	 * bucket); 0 turns it off. Minting fresh visitors then buys no extra budget. 1 200 is ten
	 * visitors at full speed: a whole office behind one NAT address chats well below it.
	 */
	COMMAND_IP_RATE_LIMIT: integerFromEnv(0, 10_000_000, 1_200),
	/**
	 * Visitors' outbox commands per minute per website, all its visitors together (token
	 * bucket); 0 turns it off. Keeps one website's flood from starving the others on a shared
	 * server.
	 */
	COMMAND_WEBSITE_RATE_LIMIT: integerFromEnv(0, 10_000_000, 12_000),
	/**
	 * New visitors per hour per client IP minted by `GET /v1/websites` without a valid visitor
	 * token (token bucket; bursts up to the same number); 0 turns it off.
	 */
	VISITOR_CREATION_RATE_LIMIT: integerFromEnv(0, 10_000_000, 300),
	/** Open WebSockets per client IP at once; 0 = no cap. One per open widget or dashboard tab. */
	WS_CONNECTIONS_PER_IP: integerFromEnv(0, 10_000_000, 500),
	/** Open WebSockets per visitor at once (a visitor's tabs); 0 = no cap. */
	WS_CONNECTIONS_PER_VISITOR: integerFromEnv(0, 1_000_000, 20),
	/** Open WebSockets per agent session at once (one dashboard login's tabs); 0 = no cap. */
	WS_CONNECTIONS_PER_SESSION: integerFromEnv(0, 1_000_000, 50),
	/** How long (ms) a client may take to send a request's headers (Node's headersTimeout). */
	HTTP_HEADERS_TIMEOUT_MS: integerFromEnv(100, 600_000, 20_000),
	/**
	 * How long (ms) a client may take to send a whole request, body included (Node's
	 * requestTimeout): the body timeout. An upload of UPLOAD_MAX_BYTES must fit in it.
	 */
	HTTP_REQUEST_TIMEOUT_MS: integerFromEnv(100, 3_600_000, 120_000),
	/** How long (ms) an idle keep-alive connection stays open between requests. */
	HTTP_KEEP_ALIVE_TIMEOUT_MS: integerFromEnv(100, 600_000, 5_000),
	/** Failed logins per email within 15 minutes before 429 (per IP: five times as many). */
	LOGIN_MAX_FAILURES: integerFromEnv(1, 10_000, 10),
	/** Express `trust proxy`: `false`, `true`, a hop count or addresses (`loopback`, CIDRs). */
	TRUST_PROXY: v.optional(nonEmpty),
	/** Largest upload in bytes. Bodies are buffered in memory to be checked, hence the cap. */
	UPLOAD_MAX_BYTES: integerFromEnv(1_024, 100 * 1024 * 1024, DEFAULT_UPLOAD_MAX_BYTES),
	/** Directory of uploaded files; unset → DATA_DIR/uploads. */
	UPLOAD_DIR: v.optional(nonEmpty),
	/** Uploads per minute per visitor or agent (token bucket). */
	UPLOAD_RATE_LIMIT: integerFromEnv(1, 1_000_000, 30),
	/** Bytes one visitor may upload within 24 hours; 0 = no quota. */
	UPLOAD_VISITOR_DAILY_BYTES: integerFromEnv(0, Number.MAX_SAFE_INTEGER, 100 * 1024 * 1024),
	/**
	 * Bytes uploaded to one website within 24 hours (visitors and agents counted), past which its
	 * visitors' uploads are refused; 0 = no quota. Agents are never refused by it.
	 */
	UPLOAD_WEBSITE_DAILY_BYTES: integerFromEnv(0, Number.MAX_SAFE_INTEGER, 5 * 1024 * 1024 * 1024),
	/** The built dashboard served at `/dashboard/`; unset → the package's copy, else `dashboard/dist`. */
	DASHBOARD_DIR: v.optional(nonEmpty),
	/** The built script-tag embed served at `/widget/`; unset → the package's copy, else `embed/dist`. */
	EMBED_DIR: v.optional(nonEmpty),
});

export type ServerConfig = {
	port: number;
	host: string;
	publicUrl: string | undefined;
	/** Set when several sync-server processes share the database (see README). */
	redisUrl: string | undefined;
	database:
		| { kind: "postgres"; url: string; poolSize: number }
		| { kind: "pglite"; dataDir: string };
	dataDir: string;
	authSecret: string | undefined;
	logLevel: v.InferOutput<typeof envSchema>["LOG_LEVEL"];
	seedDemo: boolean;
	sessionTtlMs: number;
	/** Visitor token lifetime and renewal grace (VISITOR_TOKEN_*), in ms. */
	visitorTokens: { ttlMs: number; graceMs: number };
	wsMaxPayload: number;
	compactionThreshold: number;
	replicaCacheDocs: number;
	commandBatchSize: number;
	restRateLimit: number;
	/** WebSocket upgrades per minute per client IP; 0 = unlimited. */
	wsUpgradeRateLimit: number;
	commandRateLimit: number;
	/** Bounds on awareness (typing indicator) frames: AWARENESS_*. */
	awareness: {
		maxStates: number;
		maxBytes: number;
		perSecond: number;
		clientsPerConnection: number;
	};
	/** Warn log lines one client may cause per minute (CLIENT_WARN_LOG_LIMIT). */
	clientWarnLogsPerMinute: number;
	/** Visitors' commands per minute per client IP and per website; 0 = unlimited. */
	commandBudgets: { perIp: number; perWebsite: number };
	/** New visitors per hour per client IP; 0 = unlimited. */
	visitorCreationPerHour: number;
	/** Open WebSockets at once per client IP, per visitor, per agent session; 0 = no cap. */
	socketCaps: { perIp: number; perVisitor: number; perSession: number };
	/** Node HTTP server timeouts (slow or idle clients), in ms. */
	httpTimeouts: { headersMs: number; requestMs: number; keepAliveMs: number };
	/** Remembered credentials during database outages (OUTAGE_AUTH_*). */
	outageAuth: { maxAgeMs: number; patienceMs: number };
	loginMaxFailures: number;
	/** Express `trust proxy` setting (which X-Forwarded-For hops name the client's IP). */
	trustProxy: boolean | number | string;
	/** Uploaded files: where stored, the largest accepted, uploads per minute, daily quotas (0 = none). */
	uploads: {
		dir: string;
		maxBytes: number;
		perMinute: number;
		visitorDailyBytes: number;
		websiteDailyBytes: number;
	};
	/** Directory of the built dashboard (served at `/dashboard/` when it holds a build). */
	dashboardDir: string;
	/** Directory of the built embed (served at `/widget/<version>/` when it holds a build). */
	embedDir: string;
};

/** Thrown when the environment is invalid; the message names every wrong variable. */
export class ConfigError extends Error {
	override name = "ConfigError";
}

/**
 * Parses the environment. A wrong value stops the start with a message naming the variable.
 * @example loadConfig({ PORT: "4000" }).port // 4000
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
	const relevant = Object.fromEntries(
		Object.keys(envSchema.entries).map((key) => [key, env[key] === "" ? undefined : env[key]]),
	);
	// One line per wrong variable: its first problem (a non-integer above the maximum is not two).
	const parsed = v.safeParse(envSchema, relevant, { abortPipeEarly: true });
	if (!parsed.success) {
		const lines = parsed.issues.map((issue) => {
			const name = String(issue.path?.[0]?.key ?? "environment");
			return `  ${name}=${JSON.stringify(relevant[name] ?? null)}: ${issue.message}`;
		});
		throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
	}
	const e = parsed.output;
	// Node refuses to start an HTTP server whose header timeout exceeds its request timeout.
	if (e.HTTP_HEADERS_TIMEOUT_MS > e.HTTP_REQUEST_TIMEOUT_MS) {
		throw new ConfigError(
			`Invalid configuration:\n  HTTP_HEADERS_TIMEOUT_MS=${e.HTTP_HEADERS_TIMEOUT_MS}: must not exceed HTTP_REQUEST_TIMEOUT_MS (${e.HTTP_REQUEST_TIMEOUT_MS})`,
		);
	}
	const dataDir = resolve(e.DATA_DIR);
	return {
		port: e.PORT,
		host: e.HOST,
		publicUrl: e.PUBLIC_URL,
		redisUrl: e.REDIS_URL,
		database: e.DATABASE_URL
			? { kind: "postgres", url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
			: { kind: "pglite", dataDir: resolve(dataDir, "pglite") },
		dataDir,
		authSecret: e.AUTH_SECRET,
		logLevel: e.LOG_LEVEL,
		seedDemo: e.SEED_DEMO,
		sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
		visitorTokens: {
			ttlMs: Math.round(e.VISITOR_TOKEN_TTL_DAYS * 86_400_000),
			graceMs: Math.round(e.VISITOR_TOKEN_GRACE_DAYS * 86_400_000),
		},
		wsMaxPayload: e.WS_MAX_PAYLOAD,
		compactionThreshold: e.COMPACTION_THRESHOLD,
		replicaCacheDocs: e.REPLICA_CACHE_DOCS,
		commandBatchSize: e.COMMAND_BATCH_SIZE,
		restRateLimit: e.REST_RATE_LIMIT,
		wsUpgradeRateLimit: e.WS_UPGRADE_RATE_LIMIT,
		commandRateLimit: e.COMMAND_RATE_LIMIT,
		awareness: {
			maxStates: e.AWARENESS_MAX_STATES,
			maxBytes: e.AWARENESS_MAX_BYTES,
			perSecond: e.AWARENESS_RATE_LIMIT,
			clientsPerConnection: e.AWARENESS_CLIENTS_PER_CONNECTION,
		},
		clientWarnLogsPerMinute: e.CLIENT_WARN_LOG_LIMIT,
		commandBudgets: { perIp: e.COMMAND_IP_RATE_LIMIT, perWebsite: e.COMMAND_WEBSITE_RATE_LIMIT },
		visitorCreationPerHour: e.VISITOR_CREATION_RATE_LIMIT,
		socketCaps: {
			perIp: e.WS_CONNECTIONS_PER_IP,
			perVisitor: e.WS_CONNECTIONS_PER_VISITOR,
			perSession: e.WS_CONNECTIONS_PER_SESSION,
		},
		httpTimeouts: {
			headersMs: e.HTTP_HEADERS_TIMEOUT_MS,
			requestMs: e.HTTP_REQUEST_TIMEOUT_MS,
			keepAliveMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
		},
		outageAuth: {
			maxAgeMs: e.OUTAGE_AUTH_MAX_AGE_S * 1_000,
			patienceMs: e.OUTAGE_AUTH_PATIENCE_MS,
		},
		loginMaxFailures: e.LOGIN_MAX_FAILURES,
		trustProxy: parseTrustProxy(e.TRUST_PROXY),
		uploads: {
			dir: resolve(e.UPLOAD_DIR ?? resolve(dataDir, "uploads")),
			maxBytes: e.UPLOAD_MAX_BYTES,
			perMinute: e.UPLOAD_RATE_LIMIT,
			visitorDailyBytes: e.UPLOAD_VISITOR_DAILY_BYTES,
			websiteDailyBytes: e.UPLOAD_WEBSITE_DAILY_BYTES,
		},
		// A packaged server carries both builds beside itself; from source, the repository's.
		dashboardDir: resolve(
			e.DASHBOARD_DIR ?? assetPath(import.meta.url, "./dashboard", "../../dashboard/dist"),
		),
		embedDir: resolve(e.EMBED_DIR ?? assetPath(import.meta.url, "./embed", "../../embed/dist")),
	};
}

/** `TRUST_PROXY` as Express reads it: booleans and hop counts typed, anything else verbatim. */
function parseTrustProxy(value: string | undefined): boolean | number | string {
	if (value === undefined || value === "false") return false;
	if (value === "true") return true;
	return /^\d+$/.test(value) ? Number(value) : value;
}
