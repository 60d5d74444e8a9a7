/**
 * Load generator of the `fanout` scenario, run in a child process (see worker.ts) so its
 * clients do not share the server's event loop. It holds, for each target server, a few
 * multiplexed visitor sockets and a few agent sockets with every conversation document open,
 * sends messages at a paced rate and times each from the visitor's write to the agent
 * replica's Y.Array observe event (one clock: both sides live in this process).
 *
 * - `real`: each visitor writes a `message.send` command into its outbox document (as the
 *   client does); the sync-server validates, authorises, commits, then broadcasts. Settled
 *   commands are pruned from the outbox, as client-core's Outbox does.
 * - `bare`: the visitor writes the item straight into the shared document of a bare
 *   @hocuspocus/server (no hooks, no persistence).
 */
import {
	CONVERSATION_DOC_KEYS,
	type CommandResult,
	DocumentNames,
	OUTBOX_KEYS,
	type PrincipalKey,
} from "@cossistant/types";
import type * as Y from "yjs";
import { DocSocket } from "./doc-socket.ts";
import { uuidv7 } from "./ids.ts";
import { runPaced } from "./pacing.ts";
import { serveWorker } from "./worker.ts";

/** Parameters of the worker's `setup`. */
export interface FanoutSetup {
	real: {
		wsUrl: string;
		publicKey: string;
		visitors: Array<{ token: string; principalKey: PrincipalKey; conversationIds: string[] }>;
		agentToken: string;
		agentSockets: number;
		/**
		 * Where the agent's sockets connect, when not `wsUrl` (another server process: every
		 * measured message then crosses processes).
		 */
		agentWsUrl?: string;
		/**
		 * Start each listed conversation first, as its visitor does (a `conversation.start` in its
		 * outbox), for servers in other processes where the runner cannot submit in process.
		 */
		startConversations?: boolean;
	};
	/** The bare Hocuspocus target; absent when only the real server is measured. */
	bare?: { wsUrl: string; docNames: string[]; visitorSockets: number; agentSockets: number };
}

/** Parameters of the worker's `run`: one paced phase against one target. */
export interface FanoutRun {
	target: "real" | "bare";
	ratePerSecond: number;
	/** Messages sent first and not recorded (connections and JIT warm). */
	warmup: number;
	/** Messages recorded. */
	count: number;
	/** How long to wait for the last messages after the last send. */
	graceMs: number;
}

/** What one phase measured. */
export interface FanoutPhase {
	/** Latency of every recorded message that arrived, ms. */
	latencies: number[];
	/** Recorded messages that did not reach the agent within the grace period. */
	missing: number;
	/** Commands the server rejected (real only). */
	rejected: number;
	rejectionCodes: string[];
	lateP99Ms: number;
	lateMaxMs: number;
	/** Wall time of the paced sending, ms. */
	elapsedMs: number;
	/** CPU time this generator used during the phase, as a share of one core. */
	cpuShare: number;
	/** First recorded send → last recorded arrival, ms (the rate the agent received them at). */
	recordedSpanMs: number;
}

/** One conversation as the generator sees it: how to write to it. */
interface Lane {
	send(itemId: string, index: number): void;
}

const sentAt = new Map<string, { at: number; recorded: boolean }>();
const latencies: number[] = [];
let firstRecordedSendAt = Number.NaN;
let lastRecordedArrivalAt = Number.NaN;
const sockets: DocSocket[] = [];
const timers: Array<ReturnType<typeof setInterval>> = [];
const lanes: Record<"real" | "bare", Lane[]> = { real: [], bare: [] };
let rejected = 0;
const rejectionCodes = new Set<string>();

/** The agent side: every item added to a watched timeline is timed against its send. */
function watchTimeline(doc: Y.Doc): void {
	doc.getArray<{ id?: string }>(CONVERSATION_DOC_KEYS.timeline).observe((event) => {
		const now = performance.now();
		for (const added of event.changes.added) {
			for (const item of added.content.getContent() as Array<{ id?: string }>) {
				const sent = item?.id ? sentAt.get(item.id) : undefined;
				if (!sent || !item.id) continue;
				sentAt.delete(item.id);
				if (!sent.recorded) continue;
				latencies.push(now - sent.at);
				lastRecordedArrivalAt = now;
			}
		}
	});
}

function split<T>(items: readonly T[], parts: number): T[][] {
	const out: T[][] = Array.from({ length: Math.max(1, parts) }, () => []);
	for (const [index, item] of items.entries()) out[index % out.length]?.push(item);
	return out.filter((part) => part.length > 0);
}

async function setupReal(setup: FanoutSetup["real"]): Promise<void> {
	const visitorUrl = `${setup.wsUrl}?publicKey=${encodeURIComponent(setup.publicKey)}`;
	const allConversations: string[] = [];
	await Promise.all(
		setup.visitors.map(async (visitor) => {
			const socket = new DocSocket(visitorUrl, visitor.token);
			sockets.push(socket);
			const outboxName = DocumentNames.outbox(visitor.principalKey);
			await socket.openAll([outboxName]);
			const outbox = socket.doc(outboxName);
			const commands = outbox.getArray<{ id: string } & Record<string, unknown>>(
				OUTBOX_KEYS.commands,
			);
			const results = outbox.getMap<CommandResult>(OUTBOX_KEYS.results);
			if (setup.startConversations)
				await startConversations(commands, results, visitor.conversationIds);
			const settled = new Set<string>();
			results.observe((event) => {
				for (const key of event.keysChanged) {
					const result = results.get(key);
					if (!result) continue;
					if (result.status === "rejected") {
						rejected += 1;
						rejectionCodes.add(result.code);
					}
					settled.add(key);
				}
			});
			// Prune settled commands and their results, as client-core's Outbox does (it removes each
			// on its result; here every 100 ms in one transaction, which costs the server less).
			timers.push(
				setInterval(() => {
					if (settled.size === 0) return;
					const ids = new Set(settled);
					settled.clear();
					outbox.transact(() => {
						for (let index = commands.length - 1; index >= 0; index--) {
							const id = commands.get(index)?.id;
							if (id && ids.has(id)) commands.delete(index, 1);
						}
						for (const id of ids) results.delete(id);
					});
				}, 100),
			);
			await socket.openAll(visitor.conversationIds.map((id) => DocumentNames.conversation(id)));
			for (const conversationId of visitor.conversationIds) {
				allConversations.push(conversationId);
				lanes.real.push({
					send(itemId, index) {
						commands.push([
							{
								id: uuidv7(),
								type: "message.send",
								conversationId,
								itemId,
								parts: [{ type: "text", text: `message ${index}` }],
							},
						]);
					},
				});
			}
		}),
	);
	await Promise.all(
		split(allConversations, setup.agentSockets).map(async (conversationIds) => {
			const socket = new DocSocket(setup.agentWsUrl ?? setup.wsUrl, setup.agentToken);
			sockets.push(socket);
			const names = conversationIds.map((id) => DocumentNames.conversation(id));
			await socket.openAll(names);
			for (const name of names) watchTimeline(socket.doc(name));
		}),
	);
}

/** Submits a `conversation.start` per id through the outbox and waits until all are applied. */
async function startConversations(
	commands: Y.Array<{ id: string } & Record<string, unknown>>,
	results: Y.Map<CommandResult>,
	conversationIds: readonly string[],
): Promise<void> {
	const commandIds = conversationIds.map(() => uuidv7());
	commands.doc?.transact(() => {
		commands.push(
			conversationIds.map((conversationId, index) => ({
				id: commandIds[index] as string,
				type: "conversation.start",
				conversationId,
			})),
		);
	});
	const deadline = performance.now() + 60_000;
	for (;;) {
		const pending = commandIds.filter((id) => !results.has(id));
		if (pending.length === 0) break;
		if (performance.now() > deadline)
			throw new Error(`${pending.length} conversation.start commands got no result in 60 s`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	const failed = commandIds.map((id) => results.get(id)).find((r) => r?.status !== "applied");
	if (failed) throw new Error(`conversation.start was not applied: ${JSON.stringify(failed)}`);
	const settled = new Set(commandIds);
	commands.doc?.transact(() => {
		for (let index = commands.length - 1; index >= 0; index--) {
			const id = commands.get(index)?.id;
			if (id && settled.has(id)) commands.delete(index, 1);
		}
		for (const id of settled) results.delete(id);
	});
}

async function setupBare(setup: NonNullable<FanoutSetup["bare"]>): Promise<void> {
	let seq = 0;
	await Promise.all(
		split(setup.docNames, setup.visitorSockets).map(async (names) => {
			const socket = new DocSocket(setup.wsUrl, "bare");
			sockets.push(socket);
			await socket.openAll(names);
			for (const name of names) {
				const timeline = socket.doc(name).getArray(CONVERSATION_DOC_KEYS.timeline);
				lanes.bare.push({
					send(itemId, index) {
						// Shaped like the server's TimelineItem, so both carry similar bytes.
						const now = new Date().toISOString();
						timeline.push([
							{
								id: itemId,
								conversationId: name,
								seq: ++seq,
								type: "message",
								parts: [{ type: "text", text: `message ${index}` }],
								visibility: "public",
								visitorId: "bare",
								userId: null,
								aiAgentId: null,
								createdAt: now,
								updatedAt: now,
							},
						]);
					},
				});
			}
		}),
	);
	await Promise.all(
		split(setup.docNames, setup.agentSockets).map(async (names) => {
			const socket = new DocSocket(setup.wsUrl, "bare");
			sockets.push(socket);
			await socket.openAll(names);
			for (const name of names) watchTimeline(socket.doc(name));
		}),
	);
}

async function run(params: FanoutRun): Promise<FanoutPhase> {
	const targetLanes = lanes[params.target];
	if (targetLanes.length === 0) throw new Error(`no conversations set up for ${params.target}`);
	latencies.length = 0;
	firstRecordedSendAt = Number.NaN;
	lastRecordedArrivalAt = Number.NaN;
	sentAt.clear();
	rejected = 0;
	rejectionCodes.clear();
	const cpuBefore = process.cpuUsage();
	const wallBefore = performance.now();
	const total = params.warmup + params.count;
	const pacing = await runPaced(params.ratePerSecond, total, (index) => {
		const itemId = uuidv7();
		const at = performance.now();
		if (index === params.warmup) firstRecordedSendAt = at;
		sentAt.set(itemId, { at, recorded: index >= params.warmup });
		targetLanes[index % targetLanes.length]?.send(itemId, index);
	});
	const deadline = performance.now() + params.graceMs;
	while (sentAt.size > 0 && performance.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	const cpu = process.cpuUsage(cpuBefore);
	const wall = performance.now() - wallBefore;
	let missing = 0;
	for (const sent of sentAt.values()) if (sent.recorded) missing += 1;
	sentAt.clear();
	return {
		latencies: [...latencies],
		missing,
		rejected,
		rejectionCodes: [...rejectionCodes],
		lateP99Ms: pacing.lateP99Ms,
		lateMaxMs: pacing.lateMaxMs,
		elapsedMs: pacing.elapsedMs,
		cpuShare: (cpu.user + cpu.system) / 1000 / wall,
		recordedSpanMs: lastRecordedArrivalAt - firstRecordedSendAt,
	};
}

serveWorker(
	{
		async setup(params: FanoutSetup) {
			const started = performance.now();
			if (params.bare) await setupBare(params.bare);
			await setupReal(params.real);
			return { setupMs: performance.now() - started };
		},
		run: (params: FanoutRun) => run(params),
	},
	() => {
		for (const timer of timers) clearInterval(timer);
		for (const socket of sockets) socket.destroy();
	},
);
