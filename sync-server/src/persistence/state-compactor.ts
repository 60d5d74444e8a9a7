import { Worker } from "node:worker_threads";
import type { Logger } from "../logger.ts";
import { compactState } from "./compact-state.ts";

/** A compaction sent to the worker thread. */
export interface CompactionRequest {
	id: number;
	updates: Uint8Array[];
}

/** The worker's answer: the merged state, or why it failed. */
export type CompactionReply =
	| { id: number; state: Uint8Array<ArrayBuffer> }
	| { id: number; error: string };

interface Pending {
	updates: Uint8Array[];
	resolve: (state: Uint8Array<ArrayBuffer>) => void;
	reject: (error: Error) => void;
}

/**
 * The worker's module. From the TypeScript sources (tsx, vitest) it is the `.ts` file and needs
 * the same loader; the built server has it as its own entry, `compaction-worker.js`, beside the
 * file this code was bundled into, and runs it as plain JavaScript (inheriting the process' flags).
 */
const WORKER_ENTRY = import.meta.url.endsWith(".ts")
	? { url: new URL("./compaction-worker.ts", import.meta.url), execArgv: ["--import", "tsx"] }
	: { url: new URL("./compaction-worker.js", import.meta.url), execArgv: undefined };

/** Worker failures (crashes, exits) after which compaction stays on the main thread. */
const MAX_WORKER_FAILURES = 3;

/**
 * Merges a document's snapshot and log into one garbage-collected state (`compactState`) on a
 * worker thread. Merging an inbox or a long conversation takes 20–60 ms of CPU (more on a busy
 * machine); on the main thread that was a stall every client of the process felt (the tail of
 * the `fanout` and `throughput` latencies). The worker starts on first use and does not keep
 * the process alive. If it cannot run (it crashed, or could not load), its requests are merged
 * on the main thread instead, and after a few failures the worker is given up, with a warning.
 */
export class StateCompactor {
	private worker: Worker | null = null;
	private readonly pending = new Map<number, Pending>();
	private nextId = 1;
	private failures = 0;

	constructor(private readonly logger: Logger) {}

	/** Whether compactions currently run on the worker thread (false before the first one). */
	get threaded(): boolean {
		return this.worker !== null;
	}

	/** The merged state of `updates` (snapshot first, then log rows in order). */
	compact(updates: Uint8Array[]): Promise<Uint8Array<ArrayBuffer>> {
		const worker = this.workerOrNull();
		if (!worker) return Promise.resolve(compactState(updates));
		const id = this.nextId++;
		return new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
			this.pending.set(id, { updates, resolve, reject });
			// Referenced while it owes an answer: a caller awaiting it keeps the process alive.
			worker.ref();
			const request: CompactionRequest = { id, updates };
			worker.postMessage(request);
		});
	}

	/** Stops the worker (pending requests are merged here). */
	async close(): Promise<void> {
		const worker = this.worker;
		this.worker = null;
		this.failures = MAX_WORKER_FAILURES;
		this.mergePendingHere();
		await worker?.terminate();
	}

	private workerOrNull(): Worker | null {
		if (this.worker || this.failures >= MAX_WORKER_FAILURES) return this.worker;
		const worker = new Worker(WORKER_ENTRY.url, { execArgv: WORKER_ENTRY.execArgv });
		worker.unref();
		worker.on("message", (reply: CompactionReply) => this.settle(reply));
		worker.on("error", (error) => this.fail(worker, error));
		worker.on("exit", (code) => this.fail(worker, new Error(`compaction worker exited (${code})`)));
		this.worker = worker;
		return worker;
	}

	private settle(reply: CompactionReply): void {
		const request = this.pending.get(reply.id);
		if (!request) return;
		this.pending.delete(reply.id);
		if (this.pending.size === 0) this.worker?.unref();
		if ("state" in reply) request.resolve(reply.state);
		else request.reject(new Error(`compaction failed in the worker: ${reply.error}`));
	}

	private fail(worker: Worker, error: Error): void {
		if (this.worker !== worker) return;
		this.worker = null;
		this.failures += 1;
		this.logger.warn(
			{ err: error, failures: this.failures },
			this.failures >= MAX_WORKER_FAILURES
				? "compaction worker failed; compacting on the main thread from now on"
				: "compaction worker failed; restarting it on the next compaction",
		);
		this.mergePendingHere();
	}

	private mergePendingHere(): void {
		for (const [id, request] of this.pending) {
			this.pending.delete(id);
			try {
				request.resolve(compactState(request.updates));
			} catch (error) {
				request.reject(error instanceof Error ? error : new Error(String(error)));
			}
		}
	}
}
