/**
 * HTTP load generator of the `rest` scenario, run in a child process (see worker.ts) so it does
 * not share the measured server's event loop. A fixed number of loops (the concurrency) each
 * send one request, read the whole response, and send the next, over keep-alive connections
 * (node:http Agent, one socket per loop), for a fixed time.
 *
 * node:http rather than fetch: on one core, fetch (undici through the WHATWG layer) tops out
 * well below a bare Express route, so the generator, not the server, would set the baseline.
 */
import { Agent, request } from "node:http";
import { percentile } from "../stats.ts";
import { serveWorker } from "./worker.ts";

/** One request template; `loops[i]` is used by loop i (round robin when fewer). */
export interface HttpLoadRun {
	url: string;
	method: "GET" | "POST";
	/** Headers per loop (e.g. each loop a different visitor token). */
	headers: Array<Record<string, string>>;
	/** JSON body per loop (POST). */
	bodies?: string[];
	concurrency: number;
	warmupMs: number;
	durationMs: number;
}

/** What a run measured (after the warm-up). */
export interface HttpLoadResult {
	requests: number;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	/** Responses by status code (a 429 would mean the rate limit throttled the generator). */
	statuses: Record<string, number>;
	errors: number;
	/** CPU this generator used, as a share of one core. */
	cpuShare: number;
}

async function run(params: HttpLoadRun): Promise<HttpLoadResult> {
	const agent = new Agent({ keepAlive: true, maxSockets: params.concurrency });
	const url = new URL(params.url);
	const statuses: Record<string, number> = {};
	const latencies: number[] = [];
	let errors = 0;
	let measuring = false;
	const started = performance.now();
	const measureFrom = started + params.warmupMs;
	const end = measureFrom + params.durationMs;
	const cpuBefore = { at: 0, usage: process.cpuUsage() };

	const once = (loop: number) =>
		new Promise<void>((resolve) => {
			const headers = params.headers[loop % params.headers.length] ?? {};
			const body = params.bodies?.[loop % params.bodies.length];
			const sentAt = performance.now();
			const req = request(
				{
					agent,
					host: url.hostname,
					port: url.port,
					path: `${url.pathname}${url.search}`,
					method: params.method,
					headers: body
						? {
								...headers,
								"content-type": "application/json",
								"content-length": Buffer.byteLength(body),
							}
						: headers,
				},
				(res) => {
					res.on("data", () => {});
					res.on("end", () => {
						if (measuring) {
							const code = String(res.statusCode);
							statuses[code] = (statuses[code] ?? 0) + 1;
							latencies.push(performance.now() - sentAt);
						}
						resolve();
					});
					res.on("error", () => {
						if (measuring) errors += 1;
						resolve();
					});
				},
			);
			req.on("error", () => {
				if (measuring) errors += 1;
				resolve();
			});
			if (body) req.write(body);
			req.end();
		});

	const loops = Array.from({ length: params.concurrency }, async (_, loop) => {
		while (performance.now() < end) {
			if (!measuring && performance.now() >= measureFrom) {
				measuring = true;
				cpuBefore.at = performance.now();
				cpuBefore.usage = process.cpuUsage();
			}
			await once(loop);
		}
	});
	await Promise.all(loops);
	const elapsed = performance.now() - (cpuBefore.at || measureFrom);
	const cpu = process.cpuUsage(cpuBefore.usage);
	agent.destroy();
	latencies.sort((a, b) => a - b);
	return {
		requests: latencies.length,
		requestsPerSecond: latencies.length / (elapsed / 1000),
		p50Ms: latencies.length > 0 ? percentile(latencies, 50) : Number.NaN,
		p99Ms: latencies.length > 0 ? percentile(latencies, 99) : Number.NaN,
		statuses,
		errors,
		cpuShare: (cpu.user + cpu.system) / 1000 / elapsed,
	};
}

serveWorker({ run: (params: HttpLoadRun) => run(params) });
