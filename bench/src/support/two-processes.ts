import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@cossistant/sync-server";
import {
	type DemoFile,
	freePort,
	ServerProcess,
} from "../../../sync-server/test/support/server-process.ts";
import type { ScenarioContext, ScenarioOutcome } from "../scenario.ts";
import { type BootstrappedVisitor, bootstrapVisitorAt, loginAgentAt } from "./bench-server.ts";
import type { FanoutSetup } from "./fanout-worker.ts";
import { createFreshPostgresDatabase } from "./fresh-database.ts";
import { uuidv7 } from "./ids.ts";
import { startWorker, type Worker } from "./worker.ts";

/** Redis the processes fan out through when `REDIS_URL` is not set (the machine's local one). */
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

/** Why a two-process scenario cannot run without `DATABASE_URL`. */
export const NEEDS_POSTGRES =
	"needs DATABASE_URL (PostgreSQL): two server processes must share one database; PGlite lives inside one process";

/** Two sync-server processes over one fresh PostgreSQL database and one Redis. */
export interface TwoServerProcesses {
	/** Visitors connect here. */
	a: ServerProcess;
	/** The agent connects here. */
	b: ServerProcess;
	/** The demo website both processes serve (seeded by `a`). */
	demo: DemoFile;
	/** Name of the fresh database (`cossistant_bench_<random>`). */
	databaseName: string;
	/** Its connection URL, for checks from the runner. */
	databaseUrl: string;
	/** Counts the TimelineItem rows in the shared database. */
	countTimelineRows(): Promise<number>;
	/** Stops both processes, drops the database, removes the data directory. */
	close(): Promise<void>;
}

/**
 * Starts two real server processes (`sync-server/src/main.ts`, as `npm start` runs it) over a
 * fresh database next to `adminUrl`'s and `redisUrl`, as sync-server's multi-process test does:
 * `a` first (it migrates and seeds the demo), then `b`. `env` adds configuration to both.
 */
export async function startTwoServerProcesses(
	adminUrl: string,
	redisUrl: string,
	env: Record<string, string>,
): Promise<TwoServerProcesses> {
	const database = await createFreshPostgresDatabase(adminUrl);
	const dataDir = mkdtempSync(join(tmpdir(), "cossistant-bench-2p-"));
	const processEnv = {
		DATABASE_URL: database.url,
		REDIS_URL: redisUrl,
		DATA_DIR: dataDir,
		SEED_DEMO: "true",
		// Every simulated client connects from 127.0.0.1: the per-IP upgrade limit is off …
		WS_UPGRADE_RATE_LIMIT: "0",
		// … and so are the caps and budgets shared by an address or the demo website.
		WS_CONNECTIONS_PER_IP: "0",
		WS_CONNECTIONS_PER_VISITOR: "0",
		WS_CONNECTIONS_PER_SESSION: "0",
		COMMAND_IP_RATE_LIMIT: "0",
		COMMAND_WEBSITE_RATE_LIMIT: "0",
		VISITOR_CREATION_RATE_LIMIT: "0",
		...env,
	};
	const a = new ServerProcess(await freePort(), processEnv);
	const b = new ServerProcess(await freePort(), processEnv);
	const close = async () => {
		// Killed, not stopped: nothing of the run needs to survive, and the database is dropped.
		await Promise.allSettled([a.kill(), b.kill()]);
		try {
			await database.drop();
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
	try {
		await a.start();
		await b.start();
		return {
			a,
			b,
			demo: a.demo(),
			databaseName: database.name,
			databaseUrl: database.url,
			async countTimelineRows() {
				const db = await openDatabase({ kind: "postgres", url: database.url, poolSize: 1 });
				try {
					return await db.prisma.timelineItem.count();
				} finally {
					await db.close();
				}
			},
			close,
		};
	} catch (error) {
		await close();
		throw error;
	}
}

/** The shape of the cross-process load: how many visitors, conversations and agent sockets. */
export interface CrossProcessLoad {
	visitors: number;
	conversations: number;
	agentSockets: number;
}

/**
 * Prepares the fanout load generator (`fanout-worker.ts`, already started as `worker`) across
 * the two processes: visitors created on `a` (REST) and connected to `a`, each starting its
 * conversations through its outbox; the demo agent logged in on `b` and holding every
 * conversation on `b`. Every measured message then goes visitor → a → database → Redis → b →
 * agent. Resolves with the generator's setup time.
 */
export async function setUpCrossProcessLoad(
	servers: TwoServerProcesses,
	worker: Worker,
	load: CrossProcessLoad,
): Promise<{ setupMs: number }> {
	const apiA = `${servers.a.url}/v1`;
	const visitors: BootstrappedVisitor[] = [];
	for (let i = 0; i < load.visitors; i++)
		visitors.push(await bootstrapVisitorAt(apiA, servers.demo.publicKey));
	const conversationIds = Array.from({ length: load.conversations }, () => uuidv7());
	const agent = await loginAgentAt(
		`${servers.b.url}/v1`,
		servers.demo.agentEmail,
		servers.demo.agentPassword,
	);
	const setup: FanoutSetup = {
		real: {
			wsUrl: `ws://127.0.0.1:${servers.a.port}/ws`,
			agentWsUrl: `ws://127.0.0.1:${servers.b.port}/ws`,
			publicKey: servers.demo.publicKey,
			visitors: visitors.map((visitor, v) => ({
				token: visitor.token,
				principalKey: visitor.principalKey,
				conversationIds: conversationIds.filter((_, i) => i % visitors.length === v),
			})),
			agentToken: agent.token,
			agentSockets: load.agentSockets,
			startConversations: true,
		},
	};
	return worker.call<{ setupMs: number }>("setup", setup);
}

/** Commands per minute per visitor in the two-process runs: raised so the generator is not paced. */
export const CROSS_PROCESS_COMMAND_RATE_LIMIT = "1000000";

/** What a two-process scenario measures, once its servers and load worker are up. */
export type CrossProcessMeasure = (
	servers: TwoServerProcesses,
	worker: Worker,
	redisUrl: string,
	context: ScenarioContext,
) => Promise<ScenarioOutcome>;

/**
 * The common run of a two-process scenario: "not measured" without `DATABASE_URL`; otherwise
 * two server processes (rate limits raised so the generator is not throttled) and the load
 * worker `workerPath`, torn down whatever `measure` does.
 */
export async function runAcrossTwoProcesses(
	context: ScenarioContext,
	workerPath: string,
	measure: CrossProcessMeasure,
): Promise<ScenarioOutcome> {
	const adminUrl = context.env.DATABASE_URL;
	if (!adminUrl) {
		context.log(`skipped: ${NEEDS_POSTGRES}`);
		return { metrics: [{ key: "database", value: "none", unit: "" }], unmeasured: NEEDS_POSTGRES };
	}
	const redisUrl = context.env.REDIS_URL || DEFAULT_REDIS_URL;
	const servers = await startTwoServerProcesses(adminUrl, redisUrl, {
		COMMAND_RATE_LIMIT: CROSS_PROCESS_COMMAND_RATE_LIMIT,
		REST_RATE_LIMIT: "100000",
	});
	let worker: Worker | null = null;
	try {
		worker = await startWorker(workerPath, { log: (line) => context.log(`worker: ${line}`) });
		return await measure(servers, worker, redisUrl, context);
	} finally {
		await worker?.close();
		await servers.close();
	}
}
