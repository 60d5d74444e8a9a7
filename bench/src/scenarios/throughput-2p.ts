import { fileURLToPath } from "node:url";
import type { Metric, Scenario, ScenarioContext, ScenarioOutcome } from "../scenario.ts";
import { round, type SampleSummary, summarize } from "../stats.ts";
import { describePhase } from "../support/fanout-phases.ts";
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

interface Throughput2pPlan {
	visitors: number;
	conversations: number;
	/** Offered rates, in order; all run. */
	rates: number[];
	stepSeconds: number;
	agentSockets: number;
}

const FULL: Throughput2pPlan = {
	visitors: 4,
	conversations: 200,
	rates: [250, 500, 1_000],
	stepSeconds: 6,
	agentSockets: 2,
};

const QUICK: Throughput2pPlan = {
	visitors: 2,
	conversations: 50,
	rates: [250, 500],
	stepSeconds: 2,
	agentSockets: 1,
};

/** The rate the goals are about (as in `throughput`). */
const GOAL_RATE = 1_000;
/** A step kept up when the agent received everything at ≥ this share of the offered rate. */
const KEPT_UP_SHARE = 0.95;
const LAG_P99_GOAL_MS = 100;
/** Warm-up messages before each step's recorded ones (1 s worth, not recorded). */
const WARMUP_SECONDS = 1;
const GRACE_MS = 20_000;

interface Step {
	offered: number;
	/** Recorded messages the agent on B received per second (first send → last arrival). */
	delivered: number;
	lag: SampleSummary | null;
	missing: number;
	rejected: number;
	keptUp: boolean;
	sent: number;
}

/**
 * `throughput-2p`: `message.send` commands written by visitors connected to process A at steady
 * offered rates, counted when the agent's replica on process B receives them (so each went
 * through A's pipeline, the shared PostgreSQL and Redis). Lag = visitor write → agent observe.
 */
export const throughput2p: Scenario = {
	name: "throughput-2p",
	description:
		"sustained messages/s from visitors on process A to the agent on process B (one PostgreSQL, Redis), and write → agent lag",
	anchor:
		"Scale-out: group commit and the write path keep their throughput when the broadcast crosses processes through Redis",
	goal: { metric: "sustainedRate", op: ">=", target: GOAL_RATE },
	secondaryGoals: [{ metric: "lagP99", op: "<=", target: LAG_P99_GOAL_MS }],
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
	plan: Throughput2pPlan,
	redisUrl: string,
	{ log }: ScenarioContext,
): Promise<ScenarioOutcome> {
	log(
		`two processes over ${servers.databaseName} and ${redisUrl}; ${plan.conversations} conversations of ${plan.visitors} visitors on A, agent on B`,
	);
	const { setupMs } = await setUpCrossProcessLoad(servers, worker, plan);
	log(`opened in ${(setupMs / 1000).toFixed(1)} s`);
	await sleep(1_000);

	const steps: Step[] = [];
	for (const rate of plan.rates) {
		const run: FanoutRun = {
			target: "real",
			ratePerSecond: rate,
			warmup: Math.round(WARMUP_SECONDS * rate),
			count: Math.round(plan.stepSeconds * rate),
			graceMs: GRACE_MS,
		};
		const phase = await worker.call<FanoutPhase>("run", run);
		const step = toStep(rate, run, phase);
		steps.push(step);
		log(
			`offered ${rate}/s: received on B ${step.delivered.toFixed(0)}/s; ${describePhase(phase)}${step.keptUp ? "" : " (did not keep up)"}`,
		);
		await sleep(1_000);
	}

	const sent = steps.reduce((sum, step) => sum + step.sent, 0);
	const rows = await servers.countTimelineRows();
	const kept = steps.filter((step) => step.keptUp);
	const atGoal = steps.find((step) => step.offered === GOAL_RATE) ?? steps.at(-1);
	if (!atGoal) throw new Error("no step ran");
	const metrics: Metric[] = [
		{ key: "database", value: "postgres", unit: "" },
		{ key: "processes", value: 2, unit: "" },
		{ key: "conversations", value: plan.conversations, unit: "conversations" },
		{
			key: "sustainedRate",
			value: kept.length > 0 ? Math.max(...kept.map((step) => step.offered)) : 0,
			unit: "messages/s",
		},
		{ key: "lagP50", value: round(atGoal.lag?.p50 ?? Number.NaN), unit: "ms" },
		{ key: "lagP99", value: round(atGoal.lag?.p99 ?? Number.NaN), unit: "ms" },
		{ key: "lagMax", value: round(atGoal.lag?.max ?? Number.NaN), unit: "ms" },
		{ key: "lagAtRate", value: atGoal.offered, unit: "messages/s" },
		{ key: "missing", value: atGoal.missing, unit: "messages" },
		{
			key: "peakDeliveredRate",
			value: Math.round(Math.max(...steps.map((step) => step.delivered))),
			unit: "messages/s",
		},
		...steps.map((step) => ({
			key: `at${step.offered}`,
			value: `${Math.round(step.delivered)}/s, p50 ${round(step.lag?.p50 ?? Number.NaN, 1)} ms, p99 ${round(step.lag?.p99 ?? Number.NaN, 1)} ms, missing ${step.missing}, rejected ${step.rejected}`,
			unit: "",
		})),
		// Every message sent (warm-ups included) should be one row; fewer means lost or rejected.
		{ key: "messagesSent", value: sent, unit: "messages" },
		{ key: "timelineRows", value: rows, unit: "rows" },
		{
			key: "commandRateLimit",
			value: `${CROSS_PROCESS_COMMAND_RATE_LIMIT}/min (raised)`,
			unit: "",
		},
		{ key: "stepSeconds", value: plan.stepSeconds, unit: "s" },
		{ key: "setupMs", value: Math.round(setupMs), unit: "ms" },
	];
	return { metrics };
}

function toStep(rate: number, run: FanoutRun, phase: FanoutPhase): Step {
	const arrived = phase.latencies.length;
	const delivered =
		arrived > 0 && phase.recordedSpanMs > 0 ? arrived / (phase.recordedSpanMs / 1000) : 0;
	return {
		offered: rate,
		delivered,
		lag: arrived > 0 ? summarize(phase.latencies) : null,
		missing: phase.missing,
		rejected: phase.rejected,
		keptUp: phase.missing === 0 && delivered >= rate * KEPT_UP_SHARE,
		sent: run.warmup + run.count,
	};
}
