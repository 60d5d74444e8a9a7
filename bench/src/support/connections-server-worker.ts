/**
 * The sync-server of the `connections` scenario, alone in its own process so its resident
 * memory (`process.memoryUsage().rss`) and event-loop delay (`perf_hooks`) are its own: the
 * clients live in another child, the benchmark runner in the parent.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import {
	type Database,
	loadConfig,
	openDatabase,
	type SyncServer,
	startSyncServer,
} from "@cossistant/sync-server";
import type { CommandResult } from "@cossistant/types";
import { uuidv7 } from "./ids.ts";
import { serveWorker } from "./worker.ts";

/** Parameters of `start`. */
export interface ConnectionsServerStart {
	/** A fresh PostgreSQL database; unset → in-memory PGlite inside this process. */
	databaseUrl?: string;
	/** Configuration variables (e.g. raised REST limit for the setup). */
	env: Record<string, string>;
}

/** What `start` answers. */
export interface ConnectionsServerInfo {
	apiUrl: string;
	wsUrl: string;
	publicKey: string;
	websiteId: string;
	database: string;
}

/** Memory and event-loop delay of this process. */
export interface ServerStats {
	rssMB: number;
	heapUsedMB: number;
	heapTotalMB: number;
	externalMB: number;
	arrayBuffersMB: number;
	/** Event-loop delay since the last `resetDelay`, ms. */
	delayP50Ms: number;
	delayP99Ms: number;
	delayMaxMs: number;
	/** From /healthz: open WebSockets and loaded documents. */
	connections: number;
	documents: number;
	/** CPU used since the last `resetDelay`, as a share of one core. */
	cpuShare: number;
}

let server: SyncServer | null = null;
let db: Database | null = null;
const delay = monitorEventLoopDelay({ resolution: 10 });
let since = { at: performance.now(), cpu: process.cpuUsage() };

const MB = 1024 * 1024;

serveWorker(
	{
		async start(params: ConnectionsServerStart): Promise<ConnectionsServerInfo> {
			db = params.databaseUrl
				? await openDatabase({ kind: "postgres", url: params.databaseUrl, poolSize: 10 })
				: await openDatabase({ kind: "pglite" });
			const config = loadConfig({
				PORT: "0",
				LOG_LEVEL: "silent",
				SEED_DEMO: "true",
				// Thousands of sockets from 127.0.0.1: the per-IP upgrade limit is off …
				WS_UPGRADE_RATE_LIMIT: "0",
				// … and so are the caps and budgets shared by an address or the demo website.
				WS_CONNECTIONS_PER_IP: "0",
				WS_CONNECTIONS_PER_VISITOR: "0",
				WS_CONNECTIONS_PER_SESSION: "0",
				COMMAND_IP_RATE_LIMIT: "0",
				COMMAND_WEBSITE_RATE_LIMIT: "0",
				VISITOR_CREATION_RATE_LIMIT: "0",
				...params.env,
			});
			server = await startSyncServer(config, { db });
			delay.enable();
			const demo = server.demo;
			if (!demo) throw new Error("the demo website was not seeded");
			return {
				apiUrl: server.apiUrl,
				wsUrl: server.wsUrl,
				publicKey: demo.publicKey,
				websiteId: demo.websiteId,
				database: db.kind,
			};
		},
		/** Starts one conversation per visitor (in process, group-committed); returns their ids. */
		async startConversations(params: { websiteId: string; visitorIds: string[] }) {
			const running = required();
			const ids: string[] = [];
			const chunk = 500;
			for (let start = 0; start < params.visitorIds.length; start += chunk) {
				const results = await Promise.all(
					params.visitorIds.slice(start, start + chunk).map(async (visitorId) => {
						const conversationId = uuidv7();
						const result: CommandResult = await running.pipeline.submit(
							{ kind: "visitor", visitorId, websiteId: params.websiteId },
							{ id: uuidv7(), type: "conversation.start", conversationId },
						);
						if (result.status !== "applied")
							throw new Error(`conversation.start rejected: ${result.code}: ${result.reason}`);
						return conversationId;
					}),
				);
				ids.push(...results);
			}
			return ids;
		},
		resetDelay() {
			delay.reset();
			since = { at: performance.now(), cpu: process.cpuUsage() };
		},
		async stats(): Promise<ServerStats> {
			const running = required();
			const memory = process.memoryUsage();
			const health = (await (await fetch(`${running.url}/healthz`)).json()) as {
				connections?: number;
				documents?: number;
			};
			const cpu = process.cpuUsage(since.cpu);
			return {
				rssMB: memory.rss / MB,
				heapUsedMB: memory.heapUsed / MB,
				heapTotalMB: memory.heapTotal / MB,
				externalMB: memory.external / MB,
				arrayBuffersMB: memory.arrayBuffers / MB,
				delayP50Ms: delay.percentile(50) / 1e6,
				delayP99Ms: delay.percentile(99) / 1e6,
				delayMaxMs: delay.max / 1e6,
				connections: health.connections ?? -1,
				documents: health.documents ?? -1,
				cpuShare: (cpu.user + cpu.system) / 1000 / (performance.now() - since.at),
			};
		},
	},
	async () => {
		delay.disable();
		await server?.stop();
		await db?.close();
	},
);

function required(): SyncServer {
	if (!server) throw new Error("call start first");
	return server;
}
