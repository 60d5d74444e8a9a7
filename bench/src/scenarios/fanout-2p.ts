import { fileURLToPath } from "node:url";
import type { Metric, Scenario, ScenarioContext, ScenarioOutcome } from "../scenario.ts";
import { round } from "../stats.ts";
import { describePhase, latencies, mean, total } from "../support/fanout-phases.ts";
import type { FanoutPhase, FanoutRun } from "../support/fanout-worker.ts";
import { isQuick } from "../support/pacing.ts";
import { sleep } from "../support/timing.ts";
import {
	CROSS_PROCESS_COMMAND_RATE_LIMIT,
	runAcrossTwoProcesses,
	setUpCrossProcessLoad,
	type TwoServerProcesses,
} from "../support/two-processes.ts";
import type { Worker } from "../support/worker.ts";

const WORKER = fileURLToPath(new URL("../support/fanout-worker.ts", import.meta.url));

/** The load: full run vs `BENCH_QUICK=1`. */
interface Fanout2pPlan {
	visitors: number;
	conversations: number;
	/** Offered rates; the first is the headline's. */
	rates: number[];
	/** Phases per rate. */
	rounds: number;
	warmupSeconds: number;
	recordSeconds: number;
	agentSockets: number;
}

const FULL: Fanout2pPlan = {
	visitors: 4,
	conversations: 200,
	rates: [500, 100],
	rounds: 2,
	warmupSeconds: 1,
	recordSeconds: 5,
	agentSockets: 2,
};

const QUICK: Fanout2pPlan = {
	visitors: 2,
	conversations: 50,
	rates: [100],
	rounds: 1,
	warmupSeconds: 1,
	recordSeconds: 2,
	agentSockets: 1,
};

/** Raised as in `fanout`: one socket's visitor sends for many conversations. */
const GRACE_MS = 20_000;

/**
 * `fanout-2p`: `fanout`'s latency, visitor outbox write → agent replica observe, with the
 * visitors on one server process and the agent on another, sharing PostgreSQL and Redis.
 */
export const fanout2p: Scenario = {
	name: "fanout-2p",
	description:
		"visitor command → agent replica latency across two server processes (visitors on A, agent on B, one PostgreSQL, Redis)",
	anchor:
		"Scale-out: several processes share one database and fan out through Redis (@hocuspocus/extension-redis); the fanout goal still holds across processes",
	goal: { metric: "p99", op: "<=", target: 15 },
	run(context) {
		const plan = isQuick(context.env) ? QUICK : FULL;
		return runAcrossTwoProcesses(context, WORKER, (servers, worker, redisUrl) =>
			measure(servers, worker, plan, redisUrl, context),
		);
	},
};

async function measure(
	servers: TwoServerProcesses,
	worker: Worker,
	plan: Fanout2pPlan,
	redisUrl: string,
	{ log }: ScenarioContext,
): Promise<ScenarioOutcome> {
	log(
		`two processes over ${servers.databaseName} and ${redisUrl}; ${plan.conversations} conversations of ${plan.visitors} visitors on A, agent on B; ${plan.rates.join(" and ")} messages/s`,
	);
	const { setupMs } = await setUpCrossProcessLoad(servers, worker, plan);
	log(`opened in ${(setupMs / 1000).toFixed(1)} s`);
	await sleep(1_000);

	const levels: Array<{ rate: number; phases: FanoutPhase[] }> = [];
	for (const rate of plan.rates) {
		const phases: FanoutPhase[] = [];
		for (let round = 0; round < plan.rounds; round++) {
			const run: FanoutRun = {
				target: "real",
				ratePerSecond: rate,
				warmup: Math.round(plan.warmupSeconds * rate),
				count: Math.round(plan.recordSeconds * rate),
				graceMs: GRACE_MS,
			};
			const phase = await worker.call<FanoutPhase>("run", run);
			phases.push(phase);
			log(`${rate}/s round ${round + 1}: ${describePhase(phase)}`);
			await sleep(1_000);
		}
		levels.push({ rate, phases });
	}

	const [main, ...others] = levels as [(typeof levels)[number], ...typeof levels];
	const stats = latencies(main.phases);
	const rejectionCodes = [
		...new Set(levels.flatMap((l) => l.phases.flatMap((p) => p.rejectionCodes))),
	];
	const metrics: Metric[] = [
		{ key: "database", value: "postgres", unit: "" },
		{ key: "processes", value: 2, unit: "" },
		{ key: "conversations", value: plan.conversations, unit: "conversations" },
		{ key: "offeredRate", value: main.rate, unit: "messages/s" },
		{
			key: "sockets",
			value: `${plan.visitors} visitor on A + ${plan.agentSockets} agent on B`,
			unit: "",
		},
		{
			key: "commandRateLimit",
			value: `${CROSS_PROCESS_COMMAND_RATE_LIMIT}/min (raised)`,
			unit: "",
		},
		{ key: "samples", value: stats?.count ?? 0, unit: "messages" },
		{ key: "p50", value: round(stats?.p50 ?? Number.NaN), unit: "ms" },
		{ key: "p99", value: round(stats?.p99 ?? Number.NaN), unit: "ms" },
		{ key: "max", value: round(stats?.max ?? Number.NaN), unit: "ms" },
		{ key: "missing", value: total(main.phases, (p) => p.missing), unit: "messages" },
		{ key: "rejected", value: total(main.phases, (p) => p.rejected), unit: "commands" },
		...(rejectionCodes.length > 0
			? [{ key: "rejectionCodes", value: rejectionCodes.join(","), unit: "" }]
			: []),
		{
			key: "generatorLateMax",
			value: round(Math.max(...main.phases.map((p) => p.lateMaxMs))),
			unit: "ms",
		},
		{
			key: "generatorCpu",
			value: round(mean(main.phases.map((p) => p.cpuShare)), 2),
			unit: "cores",
		},
		...others.flatMap((level) => {
			const s = latencies(level.phases);
			const at = `At${level.rate}`;
			return [
				{ key: `p50${at}`, value: round(s?.p50 ?? Number.NaN), unit: "ms" },
				{ key: `p99${at}`, value: round(s?.p99 ?? Number.NaN), unit: "ms" },
				{ key: `max${at}`, value: round(s?.max ?? Number.NaN), unit: "ms" },
				{ key: `missing${at}`, value: total(level.phases, (p) => p.missing), unit: "messages" },
			];
		}),
		{ key: "setupMs", value: Math.round(setupMs), unit: "ms" },
	];
	return { metrics };
}
