import { createServer, type Server as HttpServer, type ServerOptions } from "node:http";
import type { AddressInfo } from "node:net";
import { Hocuspocus } from "@hocuspocus/server";
import type { Express } from "express";
import { Authenticator } from "./auth/authenticator.ts";
import { resolveServerSecret } from "./auth/server-secret.ts";
import { COMMAND_HANDLERS } from "./commands/handlers/index.ts";
import type { ServerConfig } from "./config.ts";
import { ShadowDocs } from "./documents/shadow-docs.ts";
import { createHttpApp } from "./http/app.ts";
import { clientIpOf } from "./http/client-ip.ts";
import { DEMO_PATH, demoPageRouter } from "./http/demo-page.ts";
import { EMBED_PATH, embedStatic } from "./http/embed-static.ts";
import { LogLimiter } from "./limits/log-limiter.ts";
import { TokenBucketLimiter } from "./limits/token-bucket.ts";
import { createLogger, type Logger } from "./logger.ts";
import { type Database, openDatabase } from "./persistence/database.ts";
import { DocStore } from "./persistence/doc-store.ts";
import { migrate } from "./persistence/migrator.ts";
import { CommandPipeline } from "./pipeline/command-pipeline.ts";
import { limitVisitorCommands } from "./pipeline/command-rate-limit.ts";
import { AwarenessGate } from "./realtime/awareness-limits.ts";
import { AwarenessOwnership } from "./realtime/awareness-ownership.ts";
import { CommitRelay } from "./realtime/commit-relay.ts";
import type { ConnectionContext } from "./realtime/connection-context.ts";
import { LiveDocuments } from "./realtime/live-documents.ts";
import { createRedisFanOut } from "./realtime/redis-fan-out.ts";
import { SocketCaps } from "./realtime/socket-caps.ts";
import { SocketCloseRelay } from "./realtime/socket-close-relay.ts";
import { SocketSupervisor } from "./realtime/socket-supervisor.ts";
import { createSyncExtensions } from "./realtime/sync-extensions.ts";
import { UpgradeLimiter } from "./realtime/upgrade-limit.ts";
import { WebSocketGateway } from "./realtime/websocket-gateway.ts";
import { type DemoCredentials, seedDemo } from "./seed/demo-seed.ts";

export interface StartOptions {
	/** Use this (already open) database instead of the configured one; the caller closes it. */
	db?: Database;
	logger?: Logger;
	/** How often open sockets' sessions, visitors and keys are re-checked (default 30 s). */
	socketSweepIntervalMs?: number;
}

/** A running sync-server: one HTTP port with REST under /v1 and WebSocket at /ws. */
export interface SyncServer {
	readonly port: number;
	/** Base URL, e.g. `http://127.0.0.1:4000`. */
	readonly url: string;
	/** REST base, e.g. `http://127.0.0.1:4000/v1`. */
	readonly apiUrl: string;
	/** WebSocket URL, e.g. `ws://127.0.0.1:4000/ws`. */
	readonly wsUrl: string;
	/** The agents' dashboard, e.g. `http://127.0.0.1:4000/dashboard/`. */
	readonly dashboardUrl: string;
	/** The script-tag embed's loader (`…/widget/latest/loader.js`), or null without a build. */
	readonly widgetLoaderUrl: string | null;
	/** The demo host page (`…/demo/`), or null without a seeded demo or an embed build. */
	readonly demoUrl: string | null;
	readonly db: Database;
	readonly pipeline: CommandPipeline;
	readonly hocuspocus: Hocuspocus<ConnectionContext>;
	readonly demo: DemoCredentials | null;
	readonly logger: Logger;
	/** The Express app (REST under /v1), e.g. to list its routes against the OpenAPI document. */
	readonly app: Express;
	/** Graceful stop: no new connections, finish queued commands, close sockets and database. */
	stop(): Promise<void>;
}

/**
 * Starts the sync-server: opens and migrates the database, seeds the demo on an empty install
 * (when configured), wires the command pipeline to Hocuspocus and listens.
 */
export async function startSyncServer(
	config: ServerConfig,
	options: StartOptions = {},
): Promise<SyncServer> {
	const logger = options.logger ?? createLogger(config.logLevel);
	const ownsDb = !options.db;
	const db = options.db ?? (await openDatabase(config.database));
	await migrate(db, { log: (message) => logger.info(message) });
	const secret = await resolveServerSecret(db, config.authSecret);
	const demo = config.seedDemo ? await seedDemo(db) : null;

	// One warning per 10 s at most: an outage can send every client of the process through here.
	let grantedFromMemory = 0;
	let warnedAt = 0;
	const outageMemory = {
		...config.outageAuth,
		onServedStale: (what: string) => {
			grantedFromMemory += 1;
			if (Date.now() - warnedAt < 10_000) return;
			logger.warn(
				{ what, count: grantedFromMemory },
				"database unreachable: access granted from recently checked credentials",
			);
			grantedFromMemory = 0;
			warnedAt = Date.now();
		},
	};
	const auth = new Authenticator(db, secret, {
		onBackgroundError: (error) => logger.warn({ err: error }, "API key lastUsedAt not recorded"),
		outageMemory,
		visitorTokenLifetime: config.visitorTokens,
	});
	// Assigned once the gateway exists; pipeline effects and routes only run after start.
	let supervisor: SocketSupervisor | null = null;
	const store = new DocStore(db, logger.child({ module: "doc-store" }), config.compactionThreshold);
	const shadows = new ShadowDocs(store, config.replicaCacheDocs);
	const commitRelay = config.redisUrl
		? new CommitRelay(config.redisUrl, logger.child({ module: "commit-relay" }))
		: null;
	const live = new LiveDocuments({
		loadCommitted: (name) => store.load(name),
		logger: logger.child({ module: "live-documents" }),
	});
	const pipeline = new CommandPipeline({
		handlers: COMMAND_HANDLERS,
		db,
		store,
		shadows,
		logger: logger.child({ module: "pipeline" }),
		batchSize: config.commandBatchSize,
		multiProcess: config.redisUrl !== undefined,
		onCommit: (docName, update) => {
			live.applyCommitted(docName, update);
			commitRelay?.publish(docName, update);
		},
		onEffect: (effect) => {
			if (effect.type === "visitorBlocked") supervisor?.closeVisitor(effect.visitorId);
			if (effect.type === "visitorUnblocked") supervisor?.reopenVisitor(effect.visitorId);
		},
	});

	// Visitors' commands, over their outbox or REST, share one set of budgets.
	const visitorCommands = limitVisitorCommands(
		pipeline,
		new TokenBucketLimiter(config.commandRateLimit, 60_000),
		{
			perIp: perMinute(config.commandBudgets.perIp),
			perWebsite: perMinute(config.commandBudgets.perWebsite),
		},
	);
	let gateway: WebSocketGateway | null = null;
	const sync = createSyncExtensions({
		db,
		auth,
		store,
		live,
		pipeline: visitorCommands,
		logger: logger.child({ module: "realtime" }),
		closeSocket: (request, code, reason) => gateway?.closeSocket(request, code, reason),
		outageMemory,
		awareness: new AwarenessOwnership(config.awareness.clientsPerConnection),
		warnings: new LogLimiter(config.clientWarnLogsPerMinute, 60_000),
	});
	const fanOut = config.redisUrl ? createRedisFanOut(config.redisUrl) : null;
	const closeRelay = config.redisUrl
		? new SocketCloseRelay(config.redisUrl, logger.child({ module: "socket-close-relay" }))
		: null;
	const caps = new SocketCaps(config.socketCaps, (request, code, reason) =>
		gateway?.closeSocket(request, code, reason),
	);
	const hocuspocus = new Hocuspocus<ConnectionContext>({
		quiet: true,
		extensions: fanOut ? [...sync.extensions, caps, fanOut] : [...sync.extensions, caps],
	});
	gateway = new WebSocketGateway({
		hocuspocus,
		auth,
		logger,
		path: "/ws",
		maxPayload: config.wsMaxPayload,
		awareness: new AwarenessGate(config.awareness),
	});
	const sockets = new SocketSupervisor({
		sockets: gateway,
		principalOf: (request) => sync.principalOfRequest(request),
		db,
		logger: logger.child({ module: "sockets" }),
		sweepIntervalMs: options.socketSweepIntervalMs ?? 30_000,
		relay: closeRelay ? (close) => closeRelay.publish(close) : undefined,
		onClose: (close) => {
			auth.forget(close);
			sync.forget(close);
		},
	});
	supervisor = sockets;
	sockets.start();
	await closeRelay?.start((close) => sockets.closeHere(close));
	await commitRelay?.start((docName, update) => live.applyCommitted(docName, update));

	const embed = embedStatic(config.embedDir);
	const demoPage =
		embed && demo
			? demoPageRouter({ publicKey: demo.publicKey, agentEmail: demo.agentEmail })
			: null;
	const app = createHttpApp({
		db,
		auth,
		logger,
		sessionTtlMs: config.sessionTtlMs,
		pipeline,
		visitorCommands,
		sockets,
		limits: { requestsPerMinute: config.restRateLimit, loginMaxFailures: config.loginMaxFailures },
		visitorCreationPerHour: config.visitorCreationPerHour,
		trustProxy: config.trustProxy,
		uploads: config.uploads,
		dashboardDir: config.dashboardDir,
		embed,
		demoPage,
		stats: () => ({
			connections: gateway?.connectionCount ?? 0,
			documents: live.size,
			pendingCommands: pipeline.pendingCount,
		}),
	});
	const httpServer = createServer(httpServerOptions(config.httpTimeouts), app);
	const clientIp = clientIpOf(app);
	gateway.attach(httpServer, {
		clientIp,
		limiter:
			config.wsUpgradeRateLimit > 0
				? new UpgradeLimiter(config.wsUpgradeRateLimit, clientIp)
				: undefined,
		caps,
	});
	await listen(httpServer, config.port, config.host);
	const port = (httpServer.address() as AddressInfo).port;
	const base = config.publicUrl?.replace(/\/+$/, "") ?? `http://${formatHost(config.host)}:${port}`;
	logger.info({ port, database: db.kind }, "sync-server listening");

	let stopping: Promise<void> | null = null;
	const stop = () => {
		stopping ??= (async () => {
			logger.info("shutting down: finishing in-flight commands");
			const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
			sockets.stop();
			live.stop();
			await pipeline.stop();
			gateway?.closeAll();
			httpServer.closeAllConnections();
			await closed;
			await sync.settle();
			await store.stop();
			await fanOut?.onDestroy();
			await closeRelay?.stop();
			await commitRelay?.stop();
			shadows.clear();
			if (ownsDb) await db.close();
			logger.info("stopped");
		})();
		return stopping;
	};

	return {
		port,
		url: base,
		apiUrl: `${base}/v1`,
		wsUrl: `${base.replace(/^http/, "ws")}/ws`,
		dashboardUrl: `${base}/dashboard/`,
		widgetLoaderUrl: embed ? `${base}${EMBED_PATH}/latest/loader.js` : null,
		demoUrl: demoPage ? `${base}${DEMO_PATH}/` : null,
		db,
		pipeline,
		hocuspocus,
		demo,
		logger,
		app,
		stop,
	};
}

/** A per-minute token bucket, or none when the configured rate is 0 (off). */
function perMinute(rate: number): TokenBucketLimiter | undefined {
	return rate > 0 ? new TokenBucketLimiter(rate, 60_000) : undefined;
}

/**
 * Node's defenses against slow and idle clients (slow headers, a body trickled byte by byte,
 * idle keep-alive connections). Node checks the first two only every
 * `connectionsCheckingInterval` (30 s by default), which would let a short timeout run up to
 * 30 s over: the check runs every quarter of the shortest timeout instead (at least once a
 * second, which costs one pass over the open HTTP connections).
 */
function httpServerOptions(timeouts: ServerConfig["httpTimeouts"]): ServerOptions {
	const shortest = Math.min(timeouts.headersMs, timeouts.requestMs);
	return {
		headersTimeout: timeouts.headersMs,
		requestTimeout: timeouts.requestMs,
		keepAliveTimeout: timeouts.keepAliveMs,
		connectionsCheckingInterval: Math.max(25, Math.min(1_000, Math.floor(shortest / 4))),
	};
}

function listen(server: HttpServer, port: number, host: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once("error", reject);
		server.listen(port, host, () => {
			server.off("error", reject);
			resolve();
		});
	});
}

function formatHost(host: string): string {
	if (host === "0.0.0.0" || host === "::") return "localhost";
	return host.includes(":") ? `[${host}]` : host;
}
