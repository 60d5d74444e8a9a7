import { fileURLToPath } from "node:url";
import type { SyncServer } from "@cossistant/sync-server";
import { Server as BareHocuspocus } from "@hocuspocus/server";
import type { Metric, Scenario, ScenarioContext, ScenarioOutcome } from "../scenario.ts";
import { round, summarize } from "../stats.ts";
import {
	type BenchServer,
	type BootstrappedVisitor,
	bootstrapVisitorWithToken,
	demoPublicKey,
	loginDemoAgent,
	startBenchServer,
} from "../support/bench-server.ts";
import { startConversation } from "../support/commands.ts";
import { describePhase, latencies, mean, total } from "../support/fanout-phases.ts";
import type { FanoutPhase, FanoutRun, FanoutSetup } from "../support/fanout-worker.ts";
import { isQuick } from "../support/pacing.ts";
import { type PipelineProbe, probePipeline } from "../support/pipeline-probe.ts";
import { sleep } from "../support/timing.ts";
import { startWorker, type Worker } from "../support/worker.ts";

const WORKER = fileURLToPath(new URL("../support/fanout-worker.ts", import.meta.url));

/** The load: full run vs `BENCH_QUICK=1`. */
interface FanoutPlan {
	conversations: number;
	/** Offered rates: the first is the goal's; the others (lower) show the unsaturated latency. */
	rates: number[];
	/** Rounds of (bare phase, real phase) per rate, alternating which goes first. */
	rounds: number;
	/** Seconds of unrecorded warm-up, then of recorded load, per phase. */
	warmupSeconds: number;
	recordSeconds: number;
	visitorSockets: number;
	agentSockets: number;
}

const FULL: FanoutPlan = {
	conversations: 1_000,
	rates: [1_000, 100],
	rounds: 2,
	warmupSeconds: 1,
	recordSeconds: 5,
	visitorSockets: 4,
	agentSockets: 2,
};

const QUICK: FanoutPlan = {
	conversations: 100,
	rates: [200],
	rounds: 2,
	warmupSeconds: 1,
	recordSeconds: 3,
	visitorSockets: 2,
	agentSockets: 1,
};

/**
 * Sockets multiplex many documents and carry one visitor each, so one visitor sends for many
 * conversations: the per-visitor command limit (a policy against abusive widgets, 120/min by
 * default) is raised, or it would pace the load instead of the pipeline.
 */
const COMMAND_RATE_LIMIT = "1000000";
/** How long the generator waits for the last messages of a phase (a saturated pipeline lags). */
const GRACE_MS = 30_000;
/** Longest wait for the pipeline to empty between phases. */
const DRAIN_MS = 60_000;

/**
 * `fanout`: latency from a visitor's outbox write to the agent replica's observe event, through
 * the full pipeline, against the same load through a bare Hocuspocus server in the same run.
 */
export const fanout: Scenario = {
	name: "fanout",
	description:
		"visitor command → agent replica latency (full pipeline) at a steady rate over many conversations, vs a bare Hocuspocus server",
	anchor:
		"Write-ahead before broadcast (commit, then broadcast) costs at most 2× the raw floor: bare Hocuspocus serving the same load in the same run",
	goal: { metric: "p99", op: "<=", target: 15 },
	secondaryGoals: [{ metric: "p99Ratio", op: "<=", target: 2 }],
	async run(context) {
		const plan = isQuick(context.env) ? QUICK : FULL;
		const bench = await startBenchServer(context.env.DATABASE_URL, {
			COMMAND_RATE_LIMIT,
			REST_RATE_LIMIT: "100000",
		});
		const bare = new BareHocuspocus({
			port: 0,
			address: "127.0.0.1",
			quiet: true,
			stopOnSignals: false,
		});
		let worker: Worker | null = null;
		try {
			await bare.listen();
			worker = await startWorker(WORKER, { log: (line) => context.log(`worker: ${line}`) });
			return await measure(bench, bare, worker, plan, context);
		} finally {
			await worker?.close();
			await bare.destroy();
			await bench.close();
		}
	},
};

/** Everything measured at one offered rate. */
interface Level {
	rate: number;
	real: FanoutPhase[];
	bare: FanoutPhase[];
	pipelineMs: number[];
	serverCpu: { real: number[]; bare: number[] };
}

async function measure(
	bench: BenchServer,
	bare: BareHocuspocus,
	worker: Worker,
	plan: FanoutPlan,
	{ log }: ScenarioContext,
): Promise<ScenarioOutcome> {
	const { server } = bench;
	log(
		`database: ${bench.database.kind}; ${plan.conversations} conversations, ${plan.rates.join(" and ")} messages/s, ${plan.visitorSockets} visitor + ${plan.agentSockets} agent sockets per server`,
	);
	const visitors: BootstrappedVisitor[] = [];
	for (let i = 0; i < plan.visitorSockets; i++)
		visitors.push(await bootstrapVisitorWithToken(server));
	const conversationIds = await Promise.all(
		Array.from({ length: plan.conversations }, (_, i) =>
			startConversation(server, (visitors[i % visitors.length] as BootstrappedVisitor).principal),
		),
	);
	const agent = await loginDemoAgent(server);
	const setup: FanoutSetup = {
		real: {
			wsUrl: server.wsUrl,
			publicKey: demoPublicKey(server),
			visitors: visitors.map((visitor, v) => ({
				token: visitor.token,
				principalKey: visitor.principalKey,
				conversationIds: conversationIds.filter((_, i) => i % visitors.length === v),
			})),
			agentToken: agent.token,
			agentSockets: plan.agentSockets,
		},
		bare: {
			wsUrl: bare.webSocketURL,
			docNames: conversationIds.map((id) => `bare/${id}`),
			visitorSockets: plan.visitorSockets,
			agentSockets: plan.agentSockets,
		},
	};
	log("opening every conversation on both servers (visitor and agent replicas)…");
	const { setupMs } = await worker.call<{ setupMs: number }>("setup", setup);
	log(`opened in ${(setupMs / 1000).toFixed(1)} s`);
	await sleep(1_000);

	const probe = probePipeline(server);
	const levels: Level[] = [];
	try {
		for (const rate of plan.rates)
			levels.push(await runLevel(server, worker, probe, plan, rate, log));
	} finally {
		probe.restore();
	}

	const [main, ...others] = levels as [Level, ...Level[]];
	const real = latencies(main.real);
	const bareStats = latencies(main.bare);
	const pipeline = main.pipelineMs.length > 0 ? summarize(main.pipelineMs) : null;
	const rejectionCodes = [...new Set(main.real.flatMap((phase) => phase.rejectionCodes))];
	const metrics: Metric[] = [
		{ key: "database", value: bench.database.kind, unit: "" },
		{ key: "conversations", value: plan.conversations, unit: "conversations" },
		{ key: "offeredRate", value: main.rate, unit: "messages/s" },
		{
			key: "sockets",
			value: `${plan.visitorSockets} visitor + ${plan.agentSockets} agent per server`,
			unit: "",
		},
		{ key: "commandRateLimit", value: `${COMMAND_RATE_LIMIT}/min (raised)`, unit: "" },
		{ key: "samples", value: real?.count ?? 0, unit: "messages" },
		{ key: "p50", value: round(real?.p50 ?? Number.NaN), unit: "ms" },
		{ key: "p99", value: round(real?.p99 ?? Number.NaN), unit: "ms" },
		{ key: "max", value: round(real?.max ?? Number.NaN), unit: "ms" },
		{ key: "pipelineP50", value: round(pipeline?.p50 ?? Number.NaN), unit: "ms" },
		{ key: "pipelineP99", value: round(pipeline?.p99 ?? Number.NaN), unit: "ms" },
		{ key: "bareP50", value: round(bareStats?.p50 ?? Number.NaN), unit: "ms" },
		{ key: "bareP99", value: round(bareStats?.p99 ?? Number.NaN), unit: "ms" },
		{ key: "bareMax", value: round(bareStats?.max ?? Number.NaN), unit: "ms" },
		{ key: "p50Ratio", value: ratio(real?.p50, bareStats?.p50), unit: "×" },
		{ key: "p99Ratio", value: ratio(real?.p99, bareStats?.p99), unit: "×" },
		{ key: "missing", value: total(main.real, (p) => p.missing), unit: "messages" },
		{ key: "bareMissing", value: total(main.bare, (p) => p.missing), unit: "messages" },
		{ key: "rejected", value: total(main.real, (p) => p.rejected), unit: "commands" },
		...(rejectionCodes.length > 0
			? [{ key: "rejectionCodes", value: rejectionCodes.join(","), unit: "" }]
			: []),
		{
			key: "generatorLateMax",
			value: round(Math.max(...[...main.real, ...main.bare].map((p) => p.lateMaxMs))),
			unit: "ms",
		},
		{ key: "serverCpuReal", value: round(mean(main.serverCpu.real), 2), unit: "cores" },
		{ key: "serverCpuBare", value: round(mean(main.serverCpu.bare), 2), unit: "cores" },
		{
			key: "generatorCpuReal",
			value: round(mean(main.real.map((p) => p.cpuShare)), 2),
			unit: "cores",
		},
		...others.flatMap((level) => levelMetrics(level)),
		{ key: "setupMs", value: Math.round(setupMs), unit: "ms" },
	];
	return { metrics };
}

/** Rounds of (bare, real) phases at one offered rate. */
async function runLevel(
	server: SyncServer,
	worker: Worker,
	probe: PipelineProbe,
	plan: FanoutPlan,
	rate: number,
	log: (message: string) => void,
): Promise<Level> {
	const level: Level = {
		rate,
		real: [],
		bare: [],
		pipelineMs: [],
		serverCpu: { real: [], bare: [] },
	};
	for (let round = 0; round < plan.rounds; round++) {
		const order = round % 2 === 0 ? (["bare", "real"] as const) : (["real", "bare"] as const);
		for (const target of order) {
			const run: FanoutRun = {
				target,
				ratePerSecond: rate,
				warmup: Math.round(plan.warmupSeconds * rate),
				count: Math.round(plan.recordSeconds * rate),
				graceMs: GRACE_MS,
			};
			probe.take();
			const cpuBefore = process.cpuUsage();
			const started = performance.now();
			const phase = await worker.call<FanoutPhase>("run", run);
			const cpu = process.cpuUsage(cpuBefore);
			level.serverCpu[target].push((cpu.user + cpu.system) / 1000 / (performance.now() - started));
			level[target].push(phase);
			const pipelineMs = probe.take();
			if (target === "real") level.pipelineMs.push(...pipelineMs);
			log(`${rate}/s round ${round + 1} ${target}: ${describePhase(phase, pipelineMs)}`);
			await drain(server);
			// Let background work the phase triggered (compaction) finish outside the next one.
			await sleep(1_000);
		}
	}
	return level;
}

/** Waits until the pipeline holds no command (a saturated phase leaves a backlog). */
async function drain(server: SyncServer): Promise<void> {
	const deadline = performance.now() + DRAIN_MS;
	while (server.pipeline.pendingCount > 0 && performance.now() < deadline) await sleep(50);
}

function levelMetrics(level: Level): Metric[] {
	const real = latencies(level.real);
	const bare = latencies(level.bare);
	const at = `At${level.rate}`;
	return [
		{ key: `p50${at}`, value: round(real?.p50 ?? Number.NaN), unit: "ms" },
		{ key: `p99${at}`, value: round(real?.p99 ?? Number.NaN), unit: "ms" },
		{ key: `bareP99${at}`, value: round(bare?.p99 ?? Number.NaN), unit: "ms" },
		{ key: `p99Ratio${at}`, value: ratio(real?.p99, bare?.p99), unit: "×" },
		{ key: `missing${at}`, value: total(level.real, (p) => p.missing), unit: "messages" },
		{ key: `serverCpuReal${at}`, value: round(mean(level.serverCpu.real), 2), unit: "cores" },
	];
}

function ratio(a: number | undefined, b: number | undefined): number {
	return a === undefined || b === undefined ? Number.NaN : round(a / b);
}
