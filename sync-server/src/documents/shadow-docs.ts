import * as Y from "yjs";
import type { DocStore } from "../persistence/doc-store.ts";

type LoadClient = Parameters<DocStore["loadManyWithWatermarks"]>[1];

/**
 * The command pipeline's own replica of every server-written document it touches.
 *
 * A command's Yjs update is computed here first, persisted, and only then applied to the live
 * (broadcasting) Hocuspocus document, so no client ever sees an update the database lacks.
 * Each instance gets a fresh random clientID: an evicted-and-reloaded replica can never reuse
 * (clientID, clock) pairs of an earlier one.
 */
export class ShadowDocs {
	private readonly docs = new Map<string, Y.Doc>();
	/** Highest log id each replica includes (see DocStore.loadWithWatermark). */
	private readonly watermarks = new Map<string, bigint>();

	constructor(
		private readonly store: DocStore,
		private readonly maxDocs = 5_000,
	) {}

	/** The replica of `docName`, loaded from the store (through `client`, e.g. a transaction). */
	async get(docName: string, client?: LoadClient): Promise<Y.Doc> {
		const [doc] = await this.getMany([docName], client);
		return doc as Y.Doc;
	}

	/** The replicas of `docNames` (in that order); the missing ones loaded in one statement. */
	async getMany(docNames: readonly string[], client?: LoadClient): Promise<Y.Doc[]> {
		const missing = docNames.filter((name) => !this.docs.has(name));
		const loaded =
			missing.length > 0 ? await this.store.loadManyWithWatermarks(missing, client) : null;
		return docNames.map((name) => {
			const cached = this.docs.get(name);
			if (cached) {
				// Refresh LRU position.
				this.docs.delete(name);
				this.docs.set(name, cached);
				return cached;
			}
			const doc = new Y.Doc({ gc: true });
			const { state, watermark } = loaded?.get(name) ?? { state: null, watermark: 0n };
			if (state) Y.applyUpdate(doc, state);
			this.docs.set(name, doc);
			this.watermarks.set(name, watermark);
			return doc;
		});
	}

	/** Whether a replica of `docName` is in memory (and so may be behind other processes). */
	has(docName: string): boolean {
		return this.docs.has(docName);
	}

	watermark(docName: string): bigint {
		return this.watermarks.get(docName) ?? 0n;
	}

	/** Records that the replica now includes log row `id` (written by this process). */
	advance(docName: string, id: bigint): void {
		if (id > this.watermark(docName)) this.watermarks.set(docName, id);
	}

	/** Applies updates committed by other processes and moves the watermark past them. */
	applyExternal(docName: string, updates: readonly Uint8Array[], watermark: bigint): void {
		const doc = this.docs.get(docName);
		if (!doc) return;
		Y.transact(doc, () => {
			for (const update of updates) Y.applyUpdate(doc, update);
		});
		this.advance(docName, watermark);
	}

	/** Drops a replica whose state may be ahead of the database (failed transaction). */
	evict(docName: string): void {
		this.docs.get(docName)?.destroy();
		this.docs.delete(docName);
		this.watermarks.delete(docName);
	}

	clear(): void {
		for (const name of [...this.docs.keys()]) this.evict(name);
	}

	/** Evicts least recently used replicas past the cap; call between batches, never during one. */
	trim(): void {
		while (this.docs.size > this.maxDocs) {
			const oldest = this.docs.keys().next().value;
			if (oldest === undefined) return;
			this.evict(oldest);
		}
	}
}
