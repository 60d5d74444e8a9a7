import { fileURLToPath } from "node:url";
import type { Metric, Scenario, ScenarioContext, ScenarioOutcome } from "../scenario.ts";
import { round } from "../stats.ts";
import type { CreatedVisitor, VisitorLoadResult } from "../support/connections-client-worker.ts";
import type {
	ConnectionsServerInfo,
	ConnectionsServerStart,
	ServerStats,
} from "../support/connections-server-worker.ts";
import {
	createFreshPostgresDatabase,
	type FreshPostgresDatabase,
} from "../support/fresh-database.ts";
import { isQuick } from "../support/pacing.ts";
import { sleep } from "../support/timing.ts";
import { startWorker, type Worker } from "../support/worker.ts";

const SERVER_WORKER = fileURLToPath(
	new URL("../support/connections-server-worker.ts", import.meta.url),
);
const CLIENT_WORKER = fileURLToPath(
	new URL("../support/connections-client-worker.ts", import.meta.url),
);

interface ConnectionsPlan {
	levels: number[];
	/** Seconds the connections are held idle before memory and delay are read. */
	holdSeconds: number;
	/** Messages/s sent while holding each level, and for how long. */
	loadRate: number;
	loadSeconds: number;
	/** Budget for the whole scenario: no new level starts once it is spent. */
	budgetSeconds: number;
}

const FULL: ConnectionsPlan = {
	levels: [1_000, 5_000, 10_000],
	holdSeconds: 5,
	loadRate: 100,
	loadSeconds: 5,
	budgetSeconds: 420,
};

const QUICK: ConnectionsPlan = {
	levels: [200, 1_000],
	holdSeconds: 5,
	loadRate: 100,
	loadSeconds: 5,
	budgetSeconds: 120,
};

/** The level the goal is about. */
const GOAL_LEVEL = 10_000;
/** WebSockets opening at once from the client process. */
const CONNECT_CONCURRENCY = 100;
/**
 * Setup only: 10 000 visitors are created through `GET /v1/websites` from one address, which
 * the default per-IP limit (600/min) would stretch over 17 minutes. Commands keep the default.
 */
const REST_RATE_LIMIT = "1000000";

/** What was measured at one level. */
interface LevelResult {
	connections: number;
	setupSeconds: number;
	idle: ServerStats;
	loaded: ServerStats;
	load: VisitorLoadResult;
	clientRssMB: number;
}

/**
 * `connections`: how many concurrent visitor connections one sync-server process holds, and
 * what they cost it. The server runs alone in a child process (its RSS and event-loop delay
 * are its own); the visitors live in another child process. At each level: held idle (only the
 * providers' own awareness renewals flow), then under a small message load.
 */
export const connections: Scenario = {
	name: "connections",
	description:
		"concurrent visitor connections (outbox + visitor doc + one conversation each) held by one server process: RSS and event-loop delay at 1k / 5k / 10k",
	anchor:
		"One process holds the embedded default: 10 000 connected widgets in ≤ 1.5 GB, with fanout p99 ≤ 15 ms at 100 messages/s",
	goal: { metric: "rss10kMB", op: "<=", target: 1_536 },
	async run(context) {
		const plan = isQuick(context.env) ? QUICK : FULL;
		const adminUrl = context.env.DATABASE_URL;
		let database: FreshPostgresDatabase | null = null;
		let server: Worker | null = null;
		let clients: Worker | null = null;
		try {
			if (adminUrl) database = await createFreshPostgresDatabase(adminUrl);
			server = await startWorker(SERVER_WORKER, {
				nodeFlags: ["--max-old-space-size=6144"],
				log: (line) => context.log(`server: ${line}`),
			});
			clients = await startWorker(CLIENT_WORKER, {
				nodeFlags: ["--max-old-space-size=12288"],
				log: (line) => context.log(`clients: ${line}`),
			});
			return await measure(server, clients, database, plan, context);
		} finally {
			await clients?.close(20_000);
			await server?.close(20_000);
			await database?.drop();
		}
	},
};

async function measure(
	server: Worker,
	clients: Worker,
	database: FreshPostgresDatabase | null,
	plan: ConnectionsPlan,
	{ log }: ScenarioContext,
): Promise<ScenarioOutcome> {
	const info = await server.call<ConnectionsServerInfo>("start", {
		...(database ? { databaseUrl: database.url } : {}),
		env: { REST_RATE_LIMIT },
	} satisfies ConnectionsServerStart);
	log(
		`database: ${info.database} (${info.database === "pglite" ? "inside the server process, counted in its RSS" : "separate processes, not counted"})`,
	);
	await sleep(1_000);
	await server.call("resetDelay");
	await sleep(2_000);
	const baseline = await server.call<ServerStats>("stats");
	log(`empty server: RSS ${baseline.rssMB.toFixed(0)} MB`);

	const started = performance.now();
	const budgetMs = plan.budgetSeconds * 1000;
	const levels: LevelResult[] = [];
	let held = 0;
	let retried = 0;
	let stopReason: string | null = null;
	for (const level of plan.levels) {
		if (performance.now() - started > budgetMs) {
			stopReason = `time budget of ${plan.budgetSeconds} s spent before ${level}`;
			break;
		}
		const levelStarted = performance.now();
		const count = level - held;
		log(`level ${level}: creating ${count} visitors through GET /v1/websites…`);
		const visitors = await clients.call<CreatedVisitor[]>("bootstrap", {
			apiUrl: info.apiUrl,
			publicKey: info.publicKey,
			count,
		});
		const conversationIds = await server.call<string[]>("startConversations", {
			websiteId: info.websiteId,
			visitorIds: visitors.map((v) => v.visitorId),
		});
		log(`level ${level}: connecting ${count} visitors (3 documents each)…`);
		const connected = await clients.call<{
			connected: number;
			failed: number;
			retried: number;
			firstError: string | null;
		}>("connect", {
			wsUrl: info.wsUrl,
			publicKey: info.publicKey,
			visitors: visitors.map((v, i) => ({ ...v, conversationId: conversationIds[i] as string })),
			concurrency: CONNECT_CONCURRENCY,
		});
		held = connected.connected;
		retried += connected.retried;
		if (connected.retried > 0)
			log(
				`level ${level}: ${connected.retried} connections did not sync within 60 s (${connected.firstError}); retried, ${connected.failed} still failing`,
			);
		const setupSeconds = (performance.now() - levelStarted) / 1000;
		if (connected.failed > 0) {
			stopReason = `${connected.failed} of ${count} connections failed at level ${level}: ${connected.firstError}`;
			log(stopReason);
			break;
		}
		await sleep(3_000);
		await server.call("resetDelay");
		await sleep(plan.holdSeconds * 1000);
		const idle = await server.call<ServerStats>("stats");
		await server.call("resetDelay");
		const load = await clients.call<VisitorLoadResult>("load", {
			ratePerSecond: plan.loadRate,
			durationMs: plan.loadSeconds * 1000,
			graceMs: 10_000,
		});
		const loaded = await server.call<ServerStats>("stats");
		const clientStats = await clients.call<{ rssMB: number; disconnected: number }>("stats");
		levels.push({
			connections: held,
			setupSeconds,
			idle,
			loaded,
			load,
			clientRssMB: clientStats.rssMB,
		});
		log(
			`level ${level}: ${idle.connections} sockets, ${idle.documents} documents; RSS ${idle.rssMB.toFixed(0)} MB (heap used ${idle.heapUsedMB.toFixed(0)} of ${idle.heapTotalMB.toFixed(0)} MB, external ${idle.externalMB.toFixed(0)} MB); client process RSS ${clientStats.rssMB.toFixed(0)} MB; idle delay p99 ${idle.delayP99Ms.toFixed(1)} ms, max ${idle.delayMaxMs.toFixed(0)} ms, CPU ${idle.cpuShare.toFixed(2)}; at ${plan.loadRate} msg/s: p50 ${load.p50Ms.toFixed(1)} ms, p99 ${load.p99Ms.toFixed(1)} ms, missing ${load.missing}, delay p99 ${loaded.delayP99Ms.toFixed(1)} ms; set up in ${setupSeconds.toFixed(0)} s; ${clientStats.disconnected} client sockets not connected`,
		);
	}

	const at = (connections: number) => levels.find((l) => l.connections === connections);
	const goalLevel = at(GOAL_LEVEL);
	const largest = levels.at(-1);
	const metrics: Metric[] = [
		{ key: "database", value: info.database, unit: "" },
		{ key: "maxConnections", value: largest?.connections ?? 0, unit: "connections" },
		{ key: "baselineRssMB", value: Math.round(baseline.rssMB), unit: "MB" },
		{ key: "connectRetries", value: retried, unit: "connections" },
	];
	for (const level of levels) {
		const k =
			level.connections >= 1000 ? `${level.connections / 1000}k` : String(level.connections);
		metrics.push(
			{ key: `rss${k}MB`, value: Math.round(level.idle.rssMB), unit: "MB" },
			{ key: `heap${k}MB`, value: Math.round(level.idle.heapUsedMB), unit: "MB" },
			{
				key: `perConnection${k}KB`,
				value: Math.round(((level.idle.rssMB - baseline.rssMB) * 1024) / level.connections),
				unit: "KB",
			},
			{ key: `idleDelayP99at${k}`, value: round(level.idle.delayP99Ms, 1), unit: "ms" },
			{ key: `idleDelayMaxAt${k}`, value: round(level.idle.delayMaxMs, 1), unit: "ms" },
			{ key: `idleCpuAt${k}`, value: round(level.idle.cpuShare, 2), unit: "cores" },
			{ key: `loadDelayP99at${k}`, value: round(level.loaded.delayP99Ms, 1), unit: "ms" },
			{ key: `fanoutP50at${k}`, value: round(level.load.p50Ms, 1), unit: "ms" },
			{ key: `fanoutP99at${k}`, value: round(level.load.p99Ms, 1), unit: "ms" },
			{ key: `fanoutMissingAt${k}`, value: level.load.missing, unit: "messages" },
			{ key: `setupAt${k}`, value: Math.round(level.setupSeconds), unit: "s" },
		);
	}
	if (stopReason) metrics.push({ key: "stoppedBecause", value: stopReason, unit: "" });
	const unmeasured = goalLevel
		? undefined
		: `${GOAL_LEVEL} connections not reached (largest: ${largest?.connections ?? 0}${stopReason ? `; ${stopReason}` : ""}); nothing extrapolated`;
	return { metrics, ...(unmeasured ? { unmeasured } : {}) };
}
