/**
 * The visitors of the `connections` scenario, in their own process: each holds one WebSocket
 * (HocuspocusProviderWebsocket) with its three documents, as the widget does — its outbox,
 * its `visitor/{id}` document and one conversation — with awareness on all but the outbox.
 */
import {
	CONVERSATION_DOC_KEYS,
	type CommandResult,
	DocumentNames,
	HEADERS,
	OUTBOX_KEYS,
	type WebsiteBootstrapResponse,
} from "@cossistant/types";
import type * as Y from "yjs";
import { percentile } from "../stats.ts";
import { DocSocket } from "./doc-socket.ts";
import { uuidv7 } from "./ids.ts";
import { BENCH_ORIGIN } from "./origin.ts";
import { runPaced } from "./pacing.ts";
import { serveWorker } from "./worker.ts";

/** A visitor as created by `GET /v1/websites`. */
export interface CreatedVisitor {
	visitorId: string;
	token: string;
}

/** What a `load` phase measured. */
export interface VisitorLoadResult {
	/** Outbox write → the visitor's own conversation replica observes the item, ms. */
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
	samples: number;
	missing: number;
	rejected: number;
}

interface Visitor {
	socket: DocSocket;
	conversationId: string;
	commands: Y.Array<unknown>;
}

const visitors: Visitor[] = [];
const sentAt = new Map<string, number>();
const latencies: number[] = [];
let rejected = 0;

/** Runs `task` for every element with at most `limit` in flight. */
async function inParallel<T, R>(
	items: readonly T[],
	limit: number,
	task: (item: T) => Promise<R>,
): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(limit, items.length) }, async () => {
			while (next < items.length) {
				const index = next++;
				results[index] = await task(items[index] as T);
			}
		}),
	);
	return results;
}

async function bootstrap(params: {
	apiUrl: string;
	publicKey: string;
	count: number;
}): Promise<CreatedVisitor[]> {
	return inParallel(
		Array.from({ length: params.count }, (_, i) => i),
		32,
		async () => {
			const response = await fetch(`${params.apiUrl}/websites`, {
				headers: { [HEADERS.publicKey]: params.publicKey, origin: BENCH_ORIGIN },
			});
			if (!response.ok) throw new Error(`bootstrap: ${response.status} ${await response.text()}`);
			const body = (await response.json()) as WebsiteBootstrapResponse;
			return { visitorId: body.visitor.id, token: body.visitorToken };
		},
	);
}

async function connect(params: {
	wsUrl: string;
	publicKey: string;
	visitors: Array<CreatedVisitor & { conversationId: string }>;
	concurrency: number;
}): Promise<{ connected: number; failed: number; retried: number; firstError: string | null }> {
	const url = `${params.wsUrl}?publicKey=${encodeURIComponent(params.publicKey)}`;
	let firstError: string | null = null;
	const failures: Array<CreatedVisitor & { conversationId: string }> = [];
	const attempt =
		(timeoutMs: number) => async (visitor: CreatedVisitor & { conversationId: string }) => {
			const socket = new DocSocket(url, visitor.token);
			const outboxName = DocumentNames.outbox(`visitor:${visitor.visitorId}`);
			const conversationName = DocumentNames.conversation(visitor.conversationId);
			try {
				await socket.openAll(
					[outboxName, DocumentNames.visitor(visitor.visitorId), conversationName],
					timeoutMs,
				);
			} catch (error) {
				failures.push(visitor);
				firstError ??= error instanceof Error ? error.message : String(error);
				socket.destroy();
				return;
			}
			const outbox = socket.doc(outboxName);
			const commands = outbox.getArray<unknown>(OUTBOX_KEYS.commands);
			const results = outbox.getMap<CommandResult>(OUTBOX_KEYS.results);
			// Prune each settled command with its result, as client-core's Outbox does.
			results.observe((event) => {
				for (const id of event.keysChanged) {
					const result = results.get(id);
					if (!result) continue;
					if (result.status === "rejected") rejected += 1;
					outbox.transact(() => {
						for (let index = commands.length - 1; index >= 0; index--) {
							if ((commands.get(index) as { id?: string })?.id === id) commands.delete(index, 1);
						}
						results.delete(id);
					});
				}
			});
			socket
				.doc(conversationName)
				.getArray<{ id?: string }>(CONVERSATION_DOC_KEYS.timeline)
				.observe((event) => {
					const now = performance.now();
					for (const added of event.changes.added) {
						for (const item of added.content.getContent() as Array<{ id?: string }>) {
							const at = item?.id ? sentAt.get(item.id) : undefined;
							if (at === undefined || !item.id) continue;
							sentAt.delete(item.id);
							latencies.push(now - at);
						}
					}
				});
			visitors.push({ socket, conversationId: visitor.conversationId, commands });
		};
	await inParallel(params.visitors, params.concurrency, attempt(60_000));
	// An overloaded server (or machine) may not sync every document within a minute: a real
	// widget would keep its socket and wait; here each failed one gets one more, slower try.
	const retried = failures.splice(0);
	await inParallel(retried, Math.max(1, Math.floor(params.concurrency / 5)), attempt(120_000));
	return {
		connected: visitors.length,
		failed: failures.length,
		retried: retried.length,
		firstError,
	};
}

/** Messages at `rate` from visitors picked round robin, each timed to its own replica. */
async function load(params: {
	ratePerSecond: number;
	durationMs: number;
	graceMs: number;
}): Promise<VisitorLoadResult> {
	latencies.length = 0;
	sentAt.clear();
	rejected = 0;
	const count = Math.round((params.ratePerSecond * params.durationMs) / 1000);
	const stride = Math.max(1, Math.floor(visitors.length / count));
	await runPaced(params.ratePerSecond, count, (index) => {
		const visitor = visitors[(index * stride) % visitors.length];
		if (!visitor) return;
		const itemId = uuidv7();
		sentAt.set(itemId, performance.now());
		visitor.commands.push([
			{
				id: uuidv7(),
				type: "message.send",
				conversationId: visitor.conversationId,
				itemId,
				parts: [{ type: "text", text: `hello ${index}` }],
			},
		]);
	});
	const deadline = performance.now() + params.graceMs;
	while (sentAt.size > 0 && performance.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	const sorted = [...latencies].sort((a, b) => a - b);
	return {
		p50Ms: sorted.length > 0 ? percentile(sorted, 50) : Number.NaN,
		p99Ms: sorted.length > 0 ? percentile(sorted, 99) : Number.NaN,
		maxMs: sorted.at(-1) ?? Number.NaN,
		samples: sorted.length,
		missing: sentAt.size,
		rejected,
	};
}

serveWorker(
	{
		bootstrap: (params: Parameters<typeof bootstrap>[0]) => bootstrap(params),
		connect: (params: Parameters<typeof connect>[0]) => connect(params),
		load: (params: Parameters<typeof load>[0]) => load(params),
		stats: () => ({
			connected: visitors.length,
			disconnected: visitors.filter((v) => v.socket.socket.status !== "connected").length,
			rssMB: process.memoryUsage().rss / (1024 * 1024),
		}),
	},
	() => {
		for (const visitor of visitors) visitor.socket.destroy();
	},
);
