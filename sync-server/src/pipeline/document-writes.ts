import type * as Y from "yjs";
import { mergeUpdates, transact } from "yjs";
import type { ShadowDocs } from "../documents/shadow-docs.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { DocStore } from "../persistence/doc-store.ts";

/**
 * The Yjs documents of one command batch: the pipeline's replicas (ShadowDocs) of every
 * document the batch writes, and the updates its writes produce.
 *
 * Replicas are loaded (and caught up with other processes) before handlers run; from then on
 * every update they emit is captured, so the batch persists exactly what it changed. After the
 * commit the replicas stay in memory, ahead of nothing: `advance` moves their watermarks past
 * the log rows the batch wrote. After a failure the caller evicts `touched()` replicas, which
 * may hold updates the database lacks.
 */
export class DocumentWrites {
	private readonly docs = new Map<string, Y.Doc>();
	private readonly captured = new Map<string, Uint8Array[]>();
	private readonly detachers: Array<() => void> = [];

	constructor(
		private readonly tx: Prisma.TransactionClient,
		private readonly shadows: ShadowDocs,
		/** Set when several processes write (REDIS_URL): replicas must catch up under a lock. */
		private readonly coordination?: { store: DocStore },
	) {}

	/** Loads (and starts capturing updates of) the replicas of the given documents. */
	async load(names: readonly string[]): Promise<void> {
		const fresh = [...new Set(names)].filter((name) => !this.docs.has(name)).sort();
		if (fresh.length === 0) return;
		if (this.coordination) await this.catchUpWithOtherProcesses(fresh);
		const replicas = await this.shadows.getMany(fresh, this.tx);
		for (const [index, name] of fresh.entries()) {
			const doc = replicas[index] as Y.Doc;
			this.docs.set(name, doc);
			const capture = (update: Uint8Array) => {
				const list = this.captured.get(name);
				if (list) list.push(update);
				else this.captured.set(name, [update]);
			};
			doc.on("update", capture);
			this.detachers.push(() => doc.off("update", capture));
		}
	}

	/** A replica loaded by `load`; a missing one is a handler's bug (it did not declare it). */
	require(name: string): Y.Doc {
		const doc = this.docs.get(name);
		if (!doc) throw new Error(`document ${name} not preloaded in batch`);
		return doc;
	}

	/**
	 * Runs `fn` inside one Yjs transaction of every loaded document, so each emits one update
	 * for all of `fn`'s writes: each `set` on its own was a transaction that encoded an update
	 * (a third of a batch's CPU in a throughput profile).
	 */
	transactAll(fn: () => void): void {
		transactNested([...this.docs.values()], fn, 0);
	}

	/** Stops capturing: the batch writes nothing more (flush), or it failed (dispose). */
	stopCapturing(): void {
		for (const detach of this.detachers) detach();
	}

	/** One update per changed document: what the batch persists and, once committed, broadcasts. */
	mergedUpdates(): Map<string, Uint8Array> {
		const merged = new Map<string, Uint8Array>();
		for (const [name, updates] of this.captured) {
			merged.set(name, updates.length === 1 ? (updates[0] as Uint8Array) : mergeUpdates(updates));
		}
		return merged;
	}

	/** Records that each replica now includes the log row the batch wrote for it. */
	advance(logIds: ReadonlyMap<string, bigint>): void {
		for (const [name, id] of logIds) this.shadows.advance(name, id);
	}

	/** Names of every replica this batch touched (to evict them if the transaction fails). */
	touched(): string[] {
		return [...this.docs.keys()];
	}

	/**
	 * With several processes, another one may have written a document since this process's
	 * replica last saw it. Each document's transaction-scoped advisory lock (taken in sorted
	 * order: no deadlocks) serialises its writers, so under it the rows above the replica's
	 * watermark are exactly what it misses; they are applied before this batch writes.
	 */
	private async catchUpWithOtherProcesses(names: readonly string[]): Promise<void> {
		await this.tx.$executeRaw`
			SELECT pg_advisory_xact_lock(hashtextextended(name, 0))
			FROM (SELECT unnest(${names}::text[]) AS name ORDER BY 1) AS ordered`;
		const cached = names.filter((name) => this.shadows.has(name));
		const watermarks = new Map(cached.map((name) => [name, this.shadows.watermark(name)] as const));
		const missed = await this.coordination?.store.catchUp(this.tx, watermarks);
		for (const [name, { updates, watermark }] of missed ?? []) {
			this.shadows.applyExternal(name, updates, watermark);
		}
	}
}

/** Nests one transaction per document around `fn`, so each document emits one update. */
function transactNested(docs: readonly Y.Doc[], fn: () => void, from: number): void {
	const doc = docs[from];
	if (!doc) {
		fn();
		return;
	}
	transact(doc, () => transactNested(docs, fn, from + 1));
}
