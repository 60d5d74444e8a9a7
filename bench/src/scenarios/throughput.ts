import type { SyncServer } from "@cossistant/sync-server";
import type { CommandResult } from "@cossistant/types";
import type { Metric, Scenario, ScenarioContext, ScenarioOutcome } from "../scenario.ts";
import { round, summarize } from "../stats.ts";
import {
	type BenchServer,
	bootstrapVisitor,
	type Principal,
	startBenchServer,
} from "../support/bench-server.ts";
import { expectApplied, sendMessage, startConversation } from "../support/commands.ts";
import { isQuick, runPaced } from "../support/pacing.ts";
import { sleep } from "../support/timing.ts";

interface ThroughputPlan {
	visitors: number;
	conversations: number;
	/** Offered rates, in order; steps past the goal rate run only while the previous one kept up. */
	rates: number[];
	stepSeconds: number;
}

const FULL: ThroughputPlan = {
	visitors: 50,
	conversations: 1_000,
	rates: [250, 500, 1_000, 1_500, 2_000, 3_000],
	stepSeconds: 6,
};

const QUICK: ThroughputPlan = {
	visitors: 10,
	conversations: 100,
	rates: [250, 500, 1_000],
	stepSeconds: 2,
};

/** The rate the goal is about; every step up to it runs, whatever happened before. */
const GOAL_RATE = 1_000;
/**
 * A step "kept up" (no growing backlog) when everything it offered committed at no less than
 * this share of the offered rate, counted from its first submit to its last commit.
 */
const KEPT_UP_SHARE = 0.95;
/** Goal on the submit → commit lag at the goal rate. */
const LAG_P99_GOAL_MS = 100;

interface StepResult {
	offered: number;
	achieved: number;
	lag: ReturnType<typeof summarize>;
	keptUp: boolean;
	lateMaxMs: number;
	cpu: number;
}

/**
 * `throughput`: `message.send` commands submitted in process (`server.pipeline.submit`, as the
 * WebSocket outboxes and REST routes do) at steady offered rates over many conversations; each
 * resolves only once its transaction (ledger row, timeline row, conversation row, Yjs update
 * log) committed. Reports the highest rate the pipeline kept up with and the lag at the goal
 * rate.
 */
export const throughput: Scenario = {
	name: "throughput",
	description:
		"sustained message.send commands/s through the pipeline into database rows, and submit → commit lag, over many conversations",
	anchor:
		"Group commit: commands of the same tick share one transaction (one write path); every message becomes rows (TimelineItem, Conversation, CommandLedger, DocUpdate)",
	goal: { metric: "sustainedRate", op: ">=", target: GOAL_RATE },
	secondaryGoals: [{ metric: "lagP99", op: "<=", target: LAG_P99_GOAL_MS }],
	async run(context) {
		const plan = isQuick(context.env) ? QUICK : FULL;
		const bench = await startBenchServer(context.env.DATABASE_URL, { REST_RATE_LIMIT: "100000" });
		try {
			return await measure(bench, plan, context);
		} finally {
			await bench.close();
		}
	},
};

async function measure(
	bench: BenchServer,
	plan: ThroughputPlan,
	{ log }: ScenarioContext,
): Promise<ScenarioOutcome> {
	const { server } = bench;
	log(
		`database: ${bench.database.kind}; ${plan.conversations} conversations of ${plan.visitors} visitors`,
	);
	const visitors: Principal[] = [];
	for (let i = 0; i < plan.visitors; i++) visitors.push(await bootstrapVisitor(server));
	const conversations = await Promise.all(
		Array.from({ length: plan.conversations }, async (_, i) => {
			const visitor = visitors[i % visitors.length] as Principal;
			return { visitor, id: await startConversation(server, visitor) };
		}),
	);
	// Warm-up: one message per conversation, so every replica is loaded before measuring.
	const warm = await Promise.all(
		conversations.map((c) => sendMessage(server, c.visitor, c.id, "warm-up")),
	);
	for (const result of warm) expectApplied(result, "message.send (warm-up)");
	await sleep(1_000);

	const steps: StepResult[] = [];
	let sent = warm.length;
	for (const rate of plan.rates) {
		const previous = steps.at(-1);
		if (rate > GOAL_RATE && previous && !previous.keptUp) break;
		const step = await runStep(server, conversations, rate, plan.stepSeconds, sent);
		sent += Math.round(rate * plan.stepSeconds);
		steps.push(step);
		log(
			`offered ${rate}/s: committed ${step.achieved.toFixed(0)}/s, lag p50 ${step.lag.p50.toFixed(1)} ms, p99 ${step.lag.p99.toFixed(1)} ms, max ${step.lag.max.toFixed(0)} ms, server CPU ${step.cpu.toFixed(2)} cores${step.keptUp ? "" : " (did not keep up)"}`,
		);
		await sleep(1_000);
	}

	const rows = await server.db.prisma.timelineItem.count();
	if (rows !== sent) throw new Error(`expected ${sent} timeline rows, found ${rows}`);

	const kept = steps.filter((step) => step.keptUp);
	const atGoal = steps.find((step) => step.offered === GOAL_RATE) ?? steps.at(-1);
	if (!atGoal) throw new Error("no step ran");
	const metrics: Metric[] = [
		{ key: "database", value: bench.database.kind, unit: "" },
		{ key: "conversations", value: plan.conversations, unit: "conversations" },
		{
			key: "sustainedRate",
			value: kept.length > 0 ? Math.max(...kept.map((step) => step.offered)) : 0,
			unit: "messages/s",
		},
		{ key: "lagP50", value: round(atGoal.lag.p50), unit: "ms" },
		{ key: "lagP99", value: round(atGoal.lag.p99), unit: "ms" },
		{ key: "lagMax", value: round(atGoal.lag.max), unit: "ms" },
		{ key: "lagAtRate", value: atGoal.offered, unit: "messages/s" },
		{
			key: "peakCommitRate",
			value: Math.round(Math.max(...steps.map((step) => step.achieved))),
			unit: "messages/s",
		},
		...steps.map((step) => ({
			key: `at${step.offered}`,
			value: `${Math.round(step.achieved)}/s, p99 ${round(step.lag.p99, 1)} ms, CPU ${round(step.cpu, 2)}`,
			unit: "",
		})),
		{ key: "rowsVerified", value: rows, unit: "timeline rows" },
		{ key: "stepSeconds", value: plan.stepSeconds, unit: "s" },
	];
	return { metrics };
}

async function runStep(
	server: SyncServer,
	conversations: ReadonlyArray<{ visitor: Principal; id: string }>,
	rate: number,
	seconds: number,
	offset: number,
): Promise<StepResult> {
	const count = Math.round(rate * seconds);
	const lags: number[] = [];
	const pending: Array<Promise<CommandResult>> = [];
	let lastCommit = 0;
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const pacing = await runPaced(rate, count, (index) => {
		const conversation = conversations[(offset + index) % conversations.length];
		if (!conversation) return;
		const at = performance.now();
		const result = sendMessage(server, conversation.visitor, conversation.id, `m${index}`);
		pending.push(
			result.then((outcome) => {
				const now = performance.now();
				lags.push(now - at);
				lastCommit = Math.max(lastCommit, now);
				return outcome;
			}),
		);
	});
	for (const result of await Promise.all(pending)) expectApplied(result, "message.send");
	const cpu = process.cpuUsage(cpuBefore);
	const achieved = count / ((lastCommit - started) / 1000);
	const lag = summarize(lags);
	return {
		offered: rate,
		achieved,
		lag,
		keptUp: achieved >= rate * KEPT_UP_SHARE,
		lateMaxMs: pacing.lateMaxMs,
		cpu: (cpu.user + cpu.system) / 1000 / (performance.now() - started),
	};
}
