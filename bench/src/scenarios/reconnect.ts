import { CONVERSATION_DOC_KEYS, DocumentNames, type TimelineItem } from "@cossistant/types";
import type { HarnessApi } from "../../../client-core/test/browser/harness-app.ts";
import { TestClient } from "../../../sync-server/test/support/test-client.ts";
import type { Metric, Scenario, ScenarioContext, ScenarioOutcome } from "../scenario.ts";
import { percentile, round, summarize } from "../stats.ts";
import { type BenchServer, loginDemoAgent, startBenchServer } from "../support/bench-server.ts";
import {
	type Browser,
	goOffline,
	harnessContext,
	launchChromium,
	openClientPage,
} from "../support/browser.ts";
import { isQuick } from "../support/pacing.ts";
import { sleep } from "../support/timing.ts";

declare const harness: HarnessApi;

/** Messages queued offline per trial. */
const MESSAGES = 100;
/** Longest wait for one trial's messages to reach the agent. */
const TRIAL_TIMEOUT_MS = 60_000;

/**
 * `reconnect`: a visitor's tab queues 100 messages while offline (each durably in IndexedDB
 * first); the network comes back; timed until an agent's replica (a real Hocuspocus client,
 * sync-server/test/support/test-client.ts) holds all 100. Each trial is a new browser context,
 * so a new visitor under the default per-visitor command limit.
 */
export const reconnect: Scenario = {
	name: "reconnect",
	description: `${MESSAGES} messages queued offline in Chromium; network back → all ${MESSAGES} at an agent replica (p95 over trials)`,
	anchor:
		"Reconnect at once on `online` and on page visibility, not after a 30 s backoff; the durable outbox resends what is queued",
	goal: { metric: "p95", op: "<=", target: 1_000 },
	async run(context) {
		const trials = isQuick(context.env) ? 5 : 10;
		const bench = await startBenchServer(context.env.DATABASE_URL);
		let browser: Browser | null = null;
		let agent: TestClient | null = null;
		try {
			browser = await launchChromium();
			const session = await loginDemoAgent(bench.server);
			agent = new TestClient({
				wsUrl: bench.server.wsUrl,
				token: session.token,
				principal: `user:${session.user.id}`,
			});
			return await measure(bench, browser, agent, trials, context);
		} finally {
			agent?.destroy();
			await browser?.close();
			await bench.close();
		}
	},
};

async function measure(
	bench: BenchServer,
	browser: Browser,
	agent: TestClient,
	trials: number,
	{ log }: ScenarioContext,
): Promise<ScenarioOutcome> {
	const { server } = bench;
	log(`database: ${bench.database.kind}; ${trials} trials of ${MESSAGES} messages`);
	const samples: number[] = [];
	for (let trial = 1; trial <= trials; trial++) {
		const context = await harnessContext(browser);
		try {
			const page = await openClientPage(context, server);
			const conversationId = await page.evaluate(() =>
				harness.startConversation("reconnect trial"),
			);
			await page.evaluate((id) => harness.waitForItems(id, 1, 20_000), conversationId);
			const docName = DocumentNames.conversation(conversationId);
			await waitForConversation(bench, conversationId);
			await agent.openSynced(docName);
			const timeline = agent.doc(docName).getArray<TimelineItem>(CONVERSATION_DOC_KEYS.timeline);

			await goOffline(context, page);
			const itemIds = await page.evaluate(
				async ({ id, count }) => {
					const ids: string[] = [];
					// Each resolves once the command is committed to IndexedDB (shown as queued).
					for (let i = 0; i < count; i++) ids.push(await harness.send(id, `offline ${i}`));
					return ids;
				},
				{ id: conversationId, count: MESSAGES },
			);

			const waiting = new Set(itemIds);
			const arrived = new Promise<number>((resolve, reject) => {
				const check = () => {
					for (const item of timeline.toArray()) waiting.delete(item.id);
					if (waiting.size > 0) return;
					timeline.unobserve(check);
					clearTimeout(timer);
					resolve(performance.now());
				};
				const timer = setTimeout(() => {
					timeline.unobserve(check);
					reject(new Error(`trial ${trial}: ${waiting.size} of ${MESSAGES} missing after 60 s`));
				}, TRIAL_TIMEOUT_MS);
				timeline.observe(check);
			});
			const online = performance.now();
			await context.setOffline(false);
			const ms = (await arrived) - online;
			samples.push(ms);
			log(
				`trial ${trial}: ${MESSAGES} messages at the agent ${ms.toFixed(0)} ms after going online`,
			);
		} finally {
			await context.close();
		}
	}
	const stats = summarize(samples);
	const p95 = percentile(
		[...samples].sort((a, b) => a - b),
		95,
	);
	const metrics: Metric[] = [
		{ key: "database", value: bench.database.kind, unit: "" },
		{ key: "trials", value: samples.length, unit: "trials" },
		{ key: "messages", value: MESSAGES, unit: "per trial" },
		{ key: "p50", value: round(stats.p50, 1), unit: "ms" },
		{ key: "p95", value: round(p95, 1), unit: "ms" },
		{ key: "max", value: round(stats.max, 1), unit: "ms" },
		{ key: "min", value: round(stats.min, 1), unit: "ms" },
	];
	return { metrics };
}

/** Waits until the conversation's start command is applied (the agent may open it only then). */
async function waitForConversation(bench: BenchServer, conversationId: string): Promise<void> {
	const deadline = performance.now() + 20_000;
	while (
		!(await bench.server.db.prisma.conversation.findUnique({ where: { id: conversationId } }))
	) {
		if (performance.now() > deadline)
			throw new Error(`conversation ${conversationId} never started`);
		await sleep(20);
	}
}
