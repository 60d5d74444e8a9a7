import * as Y from "yjs";
import type { Logger } from "../logger.ts";
import type { Database } from "./database.ts";
import { StateCompactor } from "./state-compactor.ts";

/** The subset of a Prisma client (or transaction client) the store needs. */
type Client = Pick<Database["prisma"], "docUpdate" | "docSnapshot" | "$queryRaw">;

/** What this process knows about a document's log since it last loaded or compacted it. */
interface LogStats {
	rows: number;
	bytes: number;
	/** Size of the snapshot the log will be merged into (0 if none or unknown). */
	snapshotBytes: number;
}

/**
 * A compaction rewrites the whole snapshot, so it waits until the log holds at least this
 * fraction of the snapshot's size: each byte written then pays a constant share of the
 * rewrites (amortized O(1) per command), whatever the conversation's length.
 */
const LOG_TO_SNAPSHOT_RATIO = 0.5;

/**
 * Yjs documents in PostgreSQL: an append-only update log plus one snapshot per document.
 *
 * A write appends one row (O(update size), never a full-state encode; the command pipeline
 * writes it with the batch's other rows, see `writeBatchRows`). Loading merges the
 * snapshot with the log tail. Compaction, in the background, folds a document's log rows into
 * its snapshot once the log is long enough (rows ≥ threshold and bytes ≥ half the snapshot).
 * Yjs updates are idempotent and commutative, so rows committed concurrently by other
 * processes are never lost: compaction deletes exactly the rows it merged, and loading applies
 * every remaining row.
 */
export class DocStore {
	private readonly stats = new Map<string, LogStats>();
	private readonly compactionQueue = new Set<string>();
	private readonly inCompaction = new Set<string>();
	private compacting: Promise<void> | null = null;
	private stopped = false;
	/** Merges snapshots and logs on a worker thread (see StateCompactor). */
	private readonly compactor: StateCompactor;

	constructor(
		private readonly db: Database,
		private readonly logger: Logger,
		private readonly compactionThreshold: number,
	) {
		this.compactor = new StateCompactor(logger);
	}

	/** The merged state of a document, or `null` if it was never written. */
	async load(docName: string, client: Client = this.db.prisma): Promise<Uint8Array | null> {
		return (await this.loadWithWatermark(docName, client)).state;
	}

	/**
	 * The merged state and its watermark: the highest log id it includes (merged into the
	 * snapshot or read from the log). A replica catching up later asks for rows above it.
	 *
	 * Snapshot and log are read by one statement, so from one database snapshot: read apart, a
	 * compaction committing in between (rows folded into the snapshot, then deleted) could pair
	 * the old snapshot with the shortened log and lose those rows from the loaded state, leaving
	 * every later update of the document pending in the replica (found by the chaos suite).
	 */
	async loadWithWatermark(
		docName: string,
		client: Client = this.db.prisma,
	): Promise<{ state: Uint8Array | null; watermark: bigint }> {
		const loaded = await this.loadManyWithWatermarks([docName], client);
		return loaded.get(docName) ?? { state: null, watermark: 0n };
	}

	/**
	 * `loadWithWatermark` for several documents in one statement (a batch whose replicas were
	 * evicted reloads them all in one round trip, not one each). Every name is in the result.
	 */
	async loadManyWithWatermarks(
		docNames: readonly string[],
		client: Client = this.db.prisma,
	): Promise<Map<string, { state: Uint8Array | null; watermark: bigint }>> {
		const names = [...new Set(docNames)];
		const rows = await client.$queryRaw<
			Array<{ docName: string; id: bigint | number; data: Uint8Array; isSnapshot: boolean }>
		>`
			SELECT s."docName", s."mergedUpTo" AS "id", s."data", true AS "isSnapshot"
			FROM "DocSnapshot" s WHERE s."docName" = ANY(${names}::text[])
			UNION ALL
			SELECT u."docName", u."id", u."data", false AS "isSnapshot"
			FROM "DocUpdate" u WHERE u."docName" = ANY(${names}::text[])
			ORDER BY "docName", "isSnapshot" DESC, "id"`;
		const byName = new Map<string, typeof rows>(names.map((name) => [name, []]));
		for (const row of rows) byName.get(row.docName)?.push(row);
		const result = new Map<string, { state: Uint8Array | null; watermark: bigint }>();
		for (const [docName, docRows] of byName) {
			let watermark = 0n;
			let snapshotBytes = 0;
			let logBytes = 0;
			for (const row of docRows) {
				const id = BigInt(row.id);
				if (id > watermark) watermark = id;
				if (row.isSnapshot) snapshotBytes = row.data.byteLength;
				else logBytes += row.data.byteLength;
			}
			const hasSnapshot = docRows[0]?.isSnapshot === true;
			this.stats.set(docName, {
				rows: hasSnapshot ? docRows.length - 1 : docRows.length,
				bytes: logBytes,
				snapshotBytes,
			});
			if (docRows.length === 0) {
				result.set(docName, { state: null, watermark });
				continue;
			}
			this.scheduleCompactionIfNeeded(docName);
			const updates = docRows.map((row) => row.data);
			const state = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
			result.set(docName, { state, watermark });
		}
		return result;
	}

	/**
	 * What other processes committed since each replica's watermark: the log rows above it and,
	 * when a compaction merged rows above it (deleting them), the snapshot. Used only when several
	 * processes write; the caller holds each document's advisory lock, so the answer is complete.
	 */
	async catchUp(
		client: Pick<Database["prisma"], "$queryRaw">,
		watermarks: ReadonlyMap<string, bigint>,
	): Promise<Map<string, { updates: Uint8Array[]; watermark: bigint }>> {
		const result = new Map<string, { updates: Uint8Array[]; watermark: bigint }>();
		if (watermarks.size === 0) return result;
		const names = [...watermarks.keys()];
		const after = names.map((name) => (watermarks.get(name) ?? 0n).toString());
		const rows = await client.$queryRaw<Array<{ docName: string; id: bigint; data: Uint8Array }>>`
			SELECT u."docName", u."id", u."data"
			FROM "DocUpdate" u JOIN unnest(${names}::text[], ${after}::bigint[]) AS w(name, after)
				ON u."docName" = w.name AND u."id" > w.after
			UNION ALL
			SELECT s."docName", s."mergedUpTo" AS "id", s."data"
			FROM "DocSnapshot" s JOIN unnest(${names}::text[], ${after}::bigint[]) AS w(name, after)
				ON s."docName" = w.name AND s."mergedUpTo" > w.after
			ORDER BY "id"`;
		for (const row of rows) {
			const entry = result.get(row.docName) ?? {
				updates: [],
				watermark: watermarks.get(row.docName) ?? 0n,
			};
			entry.updates.push(row.data);
			const id = BigInt(row.id);
			if (id > entry.watermark) entry.watermark = id;
			result.set(row.docName, entry);
		}
		return result;
	}

	/** Called after the appending transaction committed: counts the rows, maybe compacts. */
	noteCommitted(entries: Iterable<[docName: string, update: Uint8Array]>): void {
		for (const [docName, update] of entries) {
			const stats = this.stats.get(docName) ?? { rows: 0, bytes: 0, snapshotBytes: 0 };
			stats.rows += 1;
			stats.bytes += update.byteLength;
			this.stats.set(docName, stats);
			this.scheduleCompactionIfNeeded(docName);
		}
	}

	/** Compacts one document now (used by tests and the background loop). */
	async compact(docName: string): Promise<void> {
		// Rows committed from now on are not merged by this run: count them afresh.
		const stats = this.stats.get(docName) ?? { rows: 0, bytes: 0, snapshotBytes: 0 };
		this.stats.set(docName, { rows: 0, bytes: 0, snapshotBytes: stats.snapshotBytes });
		this.inCompaction.add(docName);
		try {
			const size = await this.db.prisma.$transaction(async (tx) => {
				// The document's writer lock (the pipeline's, see BatchContext): two processes
				// compacting the same document at once could otherwise write a snapshot lacking a
				// row the other one deleted.
				await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${docName}, 0))`;
				const rows = await tx.docUpdate.findMany({ where: { docName }, orderBy: { id: "asc" } });
				if (rows.length === 0) return null;
				const snapshot = await tx.docSnapshot.findUnique({ where: { docName } });
				const updates = rows.map((row) => row.data as Uint8Array);
				if (snapshot) updates.unshift(snapshot.data as Uint8Array);
				const merged = await this.compactor.compact(updates);
				// Rows come ordered by id; ids are bigint, so no Math.max.
				const upTo = rows.at(-1)?.id ?? 0n;
				const previousUpTo = snapshot?.mergedUpTo ?? 0n;
				const mergedUpTo = upTo > previousUpTo ? upTo : previousUpTo;
				// update/create rather than upsert: an upsert ships the (large) bytes twice.
				if (snapshot) {
					await tx.docSnapshot.update({
						where: { docName },
						data: { data: merged, mergedCount: { increment: rows.length }, mergedUpTo },
					});
				} else {
					await tx.docSnapshot.create({
						data: { docName, data: merged, mergedCount: rows.length, mergedUpTo },
					});
				}
				await tx.docUpdate.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
				return merged.byteLength;
			});
			const current = this.stats.get(docName);
			if (current && size !== null) current.snapshotBytes = size;
		} catch (error) {
			// Nothing was merged: the rows counted before are still in the log.
			const current = this.stats.get(docName);
			if (current) {
				current.rows += stats.rows;
				current.bytes += stats.bytes;
			}
			throw error;
		} finally {
			this.inCompaction.delete(docName);
		}
	}

	/** Waits for running compactions and stops scheduling new ones. */
	async stop(): Promise<void> {
		this.stopped = true;
		this.compactionQueue.clear();
		await this.compacting;
		await this.compactor.close();
	}

	private needsCompaction(docName: string): boolean {
		const stats = this.stats.get(docName);
		if (!stats || this.inCompaction.has(docName)) return false;
		return (
			stats.rows >= this.compactionThreshold &&
			stats.bytes >= stats.snapshotBytes * LOG_TO_SNAPSHOT_RATIO
		);
	}

	private scheduleCompactionIfNeeded(docName: string): void {
		if (this.stopped || !this.needsCompaction(docName)) return;
		this.compactionQueue.add(docName);
		if (this.compacting) return;
		this.compacting = this.runCompactions().finally(() => {
			this.compacting = null;
			// Documents that crossed the threshold while the loop was finishing.
			for (const name of this.stats.keys()) this.scheduleCompactionIfNeeded(name);
		});
	}

	private async runCompactions(): Promise<void> {
		// Yield first so compaction never delays the command that triggered it.
		await new Promise((resolve) => setImmediate(resolve));
		while (this.compactionQueue.size > 0 && !this.stopped) {
			const docName = this.compactionQueue.values().next().value as string;
			this.compactionQueue.delete(docName);
			if (!this.needsCompaction(docName)) continue;
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
