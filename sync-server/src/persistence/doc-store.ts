import * as Y from "yjs";
import type { Logger } from "../logger.ts";
import type { Database } from "./database.ts";

/** The subset of a Prisma client (or transaction client) the store needs. */
type Client = Pick<Database["prisma"], "docUpdate" | "docSnapshot">;

/**
 * Yjs documents in PostgreSQL: an append-only update log plus one snapshot per document.
 *
 * A write appends one row (O(update size), never a full-state encode). Loading merges the
 * snapshot with the log tail. Compaction, in the background, folds a document's log rows into
 * its snapshot once they pass a threshold. Yjs updates are idempotent and commutative, so rows
 * committed concurrently by other processes are never lost: compaction deletes exactly the rows
 * it merged, and loading applies every remaining row.
 */
export class DocStore {
	private readonly logRows = new Map<string, number>();
	private readonly compactionQueue = new Set<string>();
	private compacting: Promise<void> | null = null;
	private stopped = false;

	constructor(
		private readonly db: Database,
		private readonly logger: Logger,
		private readonly compactionThreshold: number,
	) {}

	/** The merged state of a document, or `null` if it was never written. */
	async load(docName: string, client: Client = this.db.prisma): Promise<Uint8Array | null> {
		const [snapshot, rows] = await Promise.all([
			client.docSnapshot.findUnique({ where: { docName } }),
			client.docUpdate.findMany({
				where: { docName },
				orderBy: { id: "asc" },
				select: { data: true },
			}),
		]);
		this.logRows.set(docName, rows.length);
		const updates = rows.map((row) => row.data as Uint8Array);
		if (snapshot) updates.unshift(snapshot.data as Uint8Array);
		if (updates.length === 0) return null;
		this.scheduleCompactionIfNeeded(docName);
		return updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
	}

	/** Appends updates inside the caller's transaction (the command pipeline's write-ahead). */
	async append(
		client: Client,
		entries: ReadonlyArray<{ docName: string; update: Uint8Array }>,
	): Promise<void> {
		if (entries.length === 0) return;
		await client.docUpdate.createMany({
			data: entries.map((entry) => ({
				docName: entry.docName,
				data: entry.update as Uint8Array<ArrayBuffer>,
			})),
		});
	}

	/** Called after the appending transaction committed: counts rows, maybe schedules compaction. */
	noteCommitted(docNames: Iterable<string>): void {
		for (const docName of docNames) {
			this.logRows.set(docName, (this.logRows.get(docName) ?? 0) + 1);
			this.scheduleCompactionIfNeeded(docName);
		}
	}

	/** Compacts one document now (used by tests and the background loop). */
	async compact(docName: string): Promise<void> {
		await this.db.prisma.$transaction(async (tx) => {
			const rows = await tx.docUpdate.findMany({ where: { docName }, orderBy: { id: "asc" } });
			if (rows.length === 0) return;
			const snapshot = await tx.docSnapshot.findUnique({ where: { docName } });
			const updates = rows.map((row) => row.data as Uint8Array);
			if (snapshot) updates.unshift(snapshot.data as Uint8Array);
			const merged = Y.mergeUpdates(updates) as Uint8Array<ArrayBuffer>;
			await tx.docSnapshot.upsert({
				where: { docName },
				create: { docName, data: merged, mergedCount: rows.length },
				update: { data: merged, mergedCount: { increment: rows.length } },
			});
			await tx.docUpdate.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
		});
		this.logRows.set(docName, 0);
	}

	/** Waits for running compactions and stops scheduling new ones. */
	async stop(): Promise<void> {
		this.stopped = true;
		this.compactionQueue.clear();
		await this.compacting;
	}

	private scheduleCompactionIfNeeded(docName: string): void {
		if (this.stopped || (this.logRows.get(docName) ?? 0) < this.compactionThreshold) return;
		this.compactionQueue.add(docName);
		if (this.compacting) return;
		this.compacting = this.runCompactions().finally(() => {
			this.compacting = null;
		});
	}

	private async runCompactions(): Promise<void> {
		// Yield first so compaction never delays the command that triggered it.
		await new Promise((resolve) => setImmediate(resolve));
		for (const docName of this.compactionQueue) {
			this.compactionQueue.delete(docName);
			if (this.stopped) return;
			try {
				await this.compact(docName);
			} catch (error) {
				this.logger.warn(
					{ err: error, docName },
					"compaction failed; will retry on next threshold",
				);
			}
		}
	}
}
