import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { HEADERS } from "@cossistant/types";
import express from "express";
import type { Metric, Scenario, ScenarioContext, ScenarioOutcome } from "../scenario.ts";
import { round } from "../stats.ts";
import {
	type BenchServer,
	type BootstrappedVisitor,
	bootstrapVisitorWithToken,
	demoPublicKey,
	startBenchServer,
} from "../support/bench-server.ts";
import type { HttpLoadResult, HttpLoadRun } from "../support/http-load-worker.ts";
import { BENCH_ORIGIN } from "../support/origin.ts";
import { isQuick } from "../support/pacing.ts";
import { sleep } from "../support/timing.ts";
import { startWorker, type Worker } from "../support/worker.ts";

const WORKER = fileURLToPath(new URL("../support/http-load-worker.ts", import.meta.url));

/** Loops of the load generator, each over its own keep-alive connection. */
const CONCURRENCY = 32;
/**
 * Per-IP REST limit for the run (requests per minute; the configuration's maximum). The
 * default, 600/min, would answer most of the generator's requests with 429.
 */
const REST_RATE_LIMIT = 1_000_000;

interface RestPlan {
	rounds: number;
	warmupMs: number;
	durationMs: number;
}

const FULL: RestPlan = { rounds: 2, warmupMs: 1_000, durationMs: 5_000 };
const QUICK: RestPlan = { rounds: 1, warmupMs: 500, durationMs: 2_000 };

type Target = "bare" | "websites" | "identify";

/**
 * `rest`: requests/s of the widget's two hottest REST calls, `GET /v1/websites` (resuming a
 * visitor by its token) and `POST /v1/contacts/identify`, against the same generator on a bare
 * Express 5 route served by the same process, in the same run.
 */
export const rest: Scenario = {
	name: "rest",
	description:
		"requests/s of GET /v1/websites (resume) and POST /v1/contacts/identify vs a bare Express 5 route, same process, same generator",
	anchor:
		"REST is a thin layer over the database: at least half of what the framework alone serves (bare Express 5 route, same process, same load generator)",
	goal: { metric: "ratio", op: ">=", target: 0.5 },
	async run(context) {
		const plan = isQuick(context.env) ? QUICK : FULL;
		const bench = await startBenchServer(context.env.DATABASE_URL, {
			REST_RATE_LIMIT: String(REST_RATE_LIMIT),
		});
		const bare = await startBareExpress();
		let worker: Worker | null = null;
		try {
			worker = await startWorker(WORKER, { log: (line) => context.log(`generator: ${line}`) });
			return await measure(bench, bare, worker, plan, context);
		} finally {
			await worker?.close();
			await new Promise((resolve) => bare.server.close(resolve));
			await bench.close();
		}
	},
};

async function measure(
	bench: BenchServer,
	bare: { url: string },
	worker: Worker,
	plan: RestPlan,
	{ log }: ScenarioContext,
): Promise<ScenarioOutcome> {
	const { server } = bench;
	log(
		`database: ${bench.database.kind}; ${CONCURRENCY} keep-alive connections; REST_RATE_LIMIT=${REST_RATE_LIMIT}/min so the per-IP limit does not throttle the generator`,
	);
	const publicKey = demoPublicKey(server);
	const visitors: BootstrappedVisitor[] = [];
	for (let i = 0; i < CONCURRENCY; i++) visitors.push(await bootstrapVisitorWithToken(server));
	const visitorHeaders = visitors.map((visitor) => ({
		[HEADERS.publicKey]: publicKey,
		[HEADERS.visitorToken]: visitor.token,
		origin: BENCH_ORIGIN,
	}));
	const runs: Record<Target, Omit<HttpLoadRun, "concurrency" | "warmupMs" | "durationMs">> = {
		bare: { url: bare.url, method: "GET", headers: [{}] },
		websites: { url: `${server.apiUrl}/websites`, method: "GET", headers: visitorHeaders },
		identify: {
			url: `${server.apiUrl}/contacts/identify`,
			method: "POST",
			headers: visitorHeaders,
			// Each visitor identifies as its own contact, again and again (as each page load does).
			bodies: visitors.map((_, i) => JSON.stringify({ externalId: `bench-contact-${i}` })),
		},
	};
	const results: Record<Target, HttpLoadResult[]> = { bare: [], websites: [], identify: [] };
	const serverCpu: Record<Target, number[]> = { bare: [], websites: [], identify: [] };
	const orders: Target[][] = [
		["bare", "websites", "identify"],
		["identify", "websites", "bare"],
	];
	for (let round = 0; round < plan.rounds; round++) {
		for (const target of orders[round % orders.length] as Target[]) {
			const cpuBefore = process.cpuUsage();
			const started = performance.now();
			const result = await worker.call<HttpLoadResult>("run", {
				...runs[target],
				concurrency: CONCURRENCY,
				warmupMs: plan.warmupMs,
				durationMs: plan.durationMs,
			} satisfies HttpLoadRun);
			const cpu = process.cpuUsage(cpuBefore);
			serverCpu[target].push((cpu.user + cpu.system) / 1000 / (performance.now() - started));
			results[target].push(result);
			log(
				`round ${round + 1} ${target}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, statuses ${JSON.stringify(result.statuses)}, errors ${result.errors}, server CPU ${serverCpu[target].at(-1)?.toFixed(2)}, generator CPU ${result.cpuShare.toFixed(2)}`,
			);
			await sleep(500);
		}
	}

	const rps = (target: Target) => mean(results[target].map((r) => r.requestsPerSecond));
	const p99 = (target: Target) => mean(results[target].map((r) => r.p99Ms));
	const p50 = (target: Target) => mean(results[target].map((r) => r.p50Ms));
	const non2xx = (target: Target) =>
		results[target].reduce(
			(sum, r) =>
				sum +
				r.errors +
				Object.entries(r.statuses)
					.filter(([code]) => !code.startsWith("2"))
					.reduce((n, [, count]) => n + count, 0),
			0,
		);
	for (const target of ["websites", "identify"] as const) {
		if (non2xx(target) > 0)
			log(`warning: ${non2xx(target)} ${target} responses were not 2xx (see statuses above)`);
	}
	const bareRps = rps("bare");
	const websitesRatio = rps("websites") / bareRps;
	const identifyRatio = rps("identify") / bareRps;
	const metrics: Metric[] = [
		{ key: "database", value: bench.database.kind, unit: "" },
		{ key: "concurrency", value: CONCURRENCY, unit: "connections" },
		{ key: "restRateLimit", value: `${REST_RATE_LIMIT}/min (raised, not throttling)`, unit: "" },
		{ key: "bareRps", value: Math.round(bareRps), unit: "req/s" },
		{ key: "websitesRps", value: Math.round(rps("websites")), unit: "req/s" },
		{ key: "identifyRps", value: Math.round(rps("identify")), unit: "req/s" },
		{ key: "websitesRatio", value: round(websitesRatio), unit: "×" },
		{ key: "identifyRatio", value: round(identifyRatio), unit: "×" },
		{ key: "ratio", value: round(Math.min(websitesRatio, identifyRatio)), unit: "×" },
		{ key: "bareP50", value: round(p50("bare"), 2), unit: "ms" },
		{ key: "bareP99", value: round(p99("bare"), 2), unit: "ms" },
		{ key: "websitesP50", value: round(p50("websites"), 2), unit: "ms" },
		{ key: "websitesP99", value: round(p99("websites"), 2), unit: "ms" },
		{ key: "identifyP50", value: round(p50("identify"), 2), unit: "ms" },
		{ key: "identifyP99", value: round(p99("identify"), 2), unit: "ms" },
		{ key: "websitesNon2xx", value: non2xx("websites"), unit: "responses" },
		{ key: "identifyNon2xx", value: non2xx("identify"), unit: "responses" },
		{ key: "serverCpuBare", value: round(mean(serverCpu.bare), 2), unit: "cores" },
		{ key: "serverCpuWebsites", value: round(mean(serverCpu.websites), 2), unit: "cores" },
		{ key: "serverCpuIdentify", value: round(mean(serverCpu.identify), 2), unit: "cores" },
		{
			key: "generatorCpuBare",
			value: round(mean(results.bare.map((r) => r.cpuShare)), 2),
			unit: "cores",
		},
	];
	return { metrics };
}

/** A bare Express 5 app with one trivial JSON route, on its own port in this process. */
async function startBareExpress(): Promise<{ server: Server; url: string }> {
	const app = express();
	app.disable("x-powered-by");
	app.get("/ping", (_req, res) => {
		res.json({ ok: true });
	});
	const server = createServer(app);
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as AddressInfo;
	return { server, url: `http://127.0.0.1:${port}/ping` };
}

function mean(values: readonly number[]): number {
	return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
}
