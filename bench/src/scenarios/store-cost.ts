import type { SyncServer } from "@cossistant/sync-server";
import type { Metric, Scenario, ScenarioContext, ScenarioOutcome } from "../scenario.ts";
import { round, summarize } from "../stats.ts";
import { bootstrapVisitor, type Principal, startBenchServer } from "../support/bench-server.ts";
import {
	expectApplied,
	fillConversations,
	sendMessage,
	startConversation,
} from "../support/commands.ts";
import { nextMacrotask, sleep, timed } from "../support/timing.ts";

/** Items in the small conversations before measuring. */
const SMALL_ITEMS = 10;
/** Items in the large conversation before measuring. */
const LARGE_ITEMS = 10_000;
/**
 * Small conversations the measured commands rotate over, so each stays near SMALL_ITEMS
 * (a single one would grow from 10 to 340 items during the run).
 */
const SMALL_POOL = 30;
/** Unrecorded commands per size first (JIT, caches). */
const WARMUPS = 30;
/** Recorded commands per size. */
const SAMPLES = 300;
/**
 * Commands per size of the amortized phase: twice the default compaction threshold (200 log
 * rows per document), so each phase triggers about two compactions of its conversation.
 */
const AMORTIZED_COMMANDS = 400;
/** Pause after filling and after each amortized phase, so background work triggered there is not measured later. */
const SETTLE_MS = 3_000;

/**
 * Per-command cost of the write path (`message.send` through `pipeline.submit`, awaited one
 * at a time, so each command is its own batch and transaction) in a conversation holding 10
 * items vs 10 000. The two sizes are interleaved sample by sample so machine noise hits both
 * alike. A second, sequential phase per size reports the amortized cost including the
 * background work the writes trigger (log compaction), which per-command timing cannot see.
 */
export const storeCost: Scenario = {
	name: "store-cost",
	description: `per-command write cost at ${SMALL_ITEMS} vs ${LARGE_ITEMS} items in the conversation`,
	anchor: "O(items changed): no re-flattening, no full-state encode per write",
	goal: { metric: "ratio", op: "<=", target: 2 },
	async run(context) {
		const bench = await startBenchServer(context.env.DATABASE_URL);
		try {
			return await measure(bench.server, bench.database.kind, context);
		} finally {
			await bench.close();
		}
	},
};

async function measure(
	server: SyncServer,
	kind: string,
	{ log }: ScenarioContext,
): Promise<ScenarioOutcome> {
	log(`database: ${kind}`);
	const visitor = await bootstrapVisitor(server);
	const small = await Promise.all(
		Array.from({ length: SMALL_POOL }, () => startConversation(server, visitor)),
	);
	const large = await startConversation(server, visitor);

	await fillConversations(server, visitor, small, SMALL_ITEMS);
	log(`filling one conversation with ${LARGE_ITEMS} items (group commit)…`);
	const fillMs = await timed(() => fillConversations(server, visitor, [large], LARGE_ITEMS));
	log(`filled in ${(fillMs / 1000).toFixed(1)} s`);
	await expectItems(server, large, LARGE_ITEMS);
	for (const id of small) await expectItems(server, id, SMALL_ITEMS);
	await sleep(SETTLE_MS);

	log(`measuring ${WARMUPS} + ${SAMPLES} single commands per size, interleaved…`);
	const smallMs: number[] = [];
	const largeMs: number[] = [];
	for (let i = 0; i < WARMUPS + SAMPLES; i++) {
		// Alternate which size goes first, so neither always follows the other.
		const order = i % 2 === 0 ? (["small", "large"] as const) : (["large", "small"] as const);
		for (const size of order) {
			const id = size === "small" ? (small[i % SMALL_POOL] as string) : large;
			await nextMacrotask();
			const ms = await timed(() => send(server, visitor, id));
			if (i >= WARMUPS) (size === "small" ? smallMs : largeMs).push(ms);
		}
	}

	log(
		`measuring amortized cost: ${AMORTIZED_COMMANDS} commands per size, one size after the other…`,
	);
	const amortizedSmall = await amortized(server, visitor, small);
	const amortizedLarge = await amortized(server, visitor, [large]);

	const at10 = summarize(smallMs);
	const at10k = summarize(largeMs);
	const metrics: Metric[] = [
		{ key: "database", value: kind, unit: "" },
		{ key: "mean10", value: round(at10.mean), unit: "ms" },
		{ key: "p50at10", value: round(at10.p50), unit: "ms" },
		{ key: "p99at10", value: round(at10.p99), unit: "ms" },
		{ key: "maxAt10", value: round(at10.max), unit: "ms" },
		{ key: "mean10k", value: round(at10k.mean), unit: "ms" },
		{ key: "p50at10k", value: round(at10k.p50), unit: "ms" },
		{ key: "p99at10k", value: round(at10k.p99), unit: "ms" },
		{ key: "maxAt10k", value: round(at10k.max), unit: "ms" },
		{ key: "ratio", value: round(at10k.mean / at10.mean), unit: "×" },
		{ key: "amortized10", value: round(amortizedSmall), unit: "ms" },
		{ key: "amortized10k", value: round(amortizedLarge), unit: "ms" },
		{ key: "amortizedRatio", value: round(amortizedLarge / amortizedSmall), unit: "×" },
		{ key: "samplesPerSize", value: SAMPLES, unit: "commands" },
		{ key: "fill10kMs", value: Math.round(fillMs), unit: "ms" },
		{ key: "fill10kRate", value: Math.round(LARGE_ITEMS / (fillMs / 1000)), unit: "commands/s" },
	];
	return { metrics };
}

/**
 * Wall time per command of AMORTIZED_COMMANDS commands sent one after the other to
 * `conversationIds` (round robin), including whatever background work they trigger that
 * runs meanwhile; then waits for the rest of that work outside the measurement.
 */
async function amortized(
	server: SyncServer,
	visitor: Principal,
	conversationIds: readonly string[],
): Promise<number> {
	const ms = await timed(async () => {
		for (let i = 0; i < AMORTIZED_COMMANDS; i++) {
			await nextMacrotask();
			await send(server, visitor, conversationIds[i % conversationIds.length] as string);
		}
	});
	await sleep(SETTLE_MS);
	return ms / AMORTIZED_COMMANDS;
}

/** One `message.send`, awaited until durable; throws unless applied. */
async function send(server: SyncServer, visitor: Principal, conversationId: string): Promise<void> {
	expectApplied(await sendMessage(server, visitor, conversationId, "sample"), "message.send");
}

async function expectItems(
	server: SyncServer,
	conversationId: string,
	expected: number,
): Promise<void> {
	const count = await server.db.prisma.timelineItem.count({ where: { conversationId } });
	if (count !== expected) {
		throw new Error(`conversation ${conversationId} holds ${count} items, expected ${expected}`);
	}
}
