import * as Y from "yjs";
import { isUniqueViolation } from "../errors/retryable-errors.ts";
import type { Logger } from "../logger.ts";
import type { Database } from "./database.ts";
import { StateCompactor } from "./state-compactor.ts";

/** What a compaction read: the snapshot's watermark (null if none), the log rows' ids, all bytes. */
interface CompactionInput {
	snapshotUpTo: bigint | null;
	rowIds: bigint[];
	/** Snapshot first (if any), then the log rows in id order. */
	updates: Uint8Array[];
}

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

	/**
	 * Compacts one document now (used by tests and the background loop).
	 *
	 * Nothing waits for it: the snapshot and log rows are read without a lock (one statement, so
	 * one database snapshot), merged on the worker thread, and written by a short transaction
	 * that first checks, under the snapshot row's lock, that no other compaction replaced the
	 * snapshot since the read; if one did, this one gives up (the next threshold retries). Held
	 * under the document's writer lock, as before, a compaction of the inbox (written by every
	 * message) stalled every batch for its 20-100 ms of merging: the tail of `fanout`.
	 * Appends never conflict with it: it deletes exactly the rows it merged, and a document's
	 * writers are serialized, so a row it did not see has a higher id than every row it merged.
	 * Returns whether it wrote a snapshot.
	 */
	async compact(docName: string): Promise<boolean> {
		// Rows committed from now on are not merged by this run: count them afresh.
		const stats = this.stats.get(docName) ?? { rows: 0, bytes: 0, snapshotBytes: 0 };
		this.stats.set(docName, { rows: 0, bytes: 0, snapshotBytes: stats.snapshotBytes });
		this.inCompaction.add(docName);
		let size: number | null = null;
		try {
			const read = await this.readLog(docName);
			if (read.rowIds.length > 0) {
				const merged = await this.compactor.compact(read.updates);
				size = await this.writeSnapshot(docName, read, merged);
			}
		} catch (error) {
			if (!isUniqueViolation(error)) {
				this.restoreCounts(docName, stats);
				throw error;
			}
			// Another process created the document's first snapshot at the same moment.
		} finally {
			this.inCompaction.delete(docName);
		}
		const current = this.stats.get(docName);
		if (size === null) this.restoreCounts(docName, stats);
		else if (current) current.snapshotBytes = size;
		return size !== null;
	}

	/** The snapshot (its watermark) and every log row of a document, from one database snapshot. */
	private async readLog(docName: string): Promise<CompactionInput> {
		const rows = await this.db.prisma.$queryRaw<
			Array<{ id: bigint | number; data: Uint8Array; isSnapshot: boolean }>
		>`
			SELECT s."mergedUpTo" AS "id", s."data", true AS "isSnapshot"
			FROM "DocSnapshot" s WHERE s."docName" = ${docName}
			UNION ALL
			SELECT u."id", u."data", false AS "isSnapshot"
			FROM "DocUpdate" u WHERE u."docName" = ${docName}
			ORDER BY "isSnapshot" DESC, "id"`;
		const snapshot = rows[0]?.isSnapshot ? rows[0] : undefined;
		const logRows = snapshot ? rows.slice(1) : rows;
		return {
			snapshotUpTo: snapshot ? BigInt(snapshot.id) : null,
			rowIds: logRows.map((row) => BigInt(row.id)),
			updates: rows.map((row) => row.data),
		};
	}

	/**
	 * Replaces the snapshot with `merged` and deletes the merged rows, unless another compaction
	 * replaced the snapshot since `read` (then null: nothing written).
	 */
	private writeSnapshot(
		docName: string,
		read: CompactionInput,
		merged: Uint8Array<ArrayBuffer>,
	): Promise<number | null> {
		// Rows come ordered by id; ids are bigint, so no Math.max.
		const lastRow = read.rowIds.at(-1) ?? 0n;
		const mergedUpTo =
			read.snapshotUpTo !== null && read.snapshotUpTo > lastRow ? read.snapshotUpTo : lastRow;
		return this.db.prisma.$transaction(async (tx) => {
			const current = await tx.$queryRaw<Array<{ mergedUpTo: bigint | number }>>`
				SELECT "mergedUpTo" FROM "DocSnapshot" WHERE "docName" = ${docName} FOR UPDATE`;
			const currentUpTo = current[0] ? BigInt(current[0].mergedUpTo) : null;
			if (currentUpTo !== read.snapshotUpTo) return null;
			const mergedCount = read.rowIds.length;
			// update/create rather than upsert: an upsert ships the (large) bytes twice.
			if (currentUpTo === null) {
				await tx.docSnapshot.create({ data: { docName, data: merged, mergedCount, mergedUpTo } });
			} else {
				await tx.docSnapshot.update({
					where: { docName },
					data: { data: merged, mergedCount: { increment: mergedCount }, mergedUpTo },
				});
			}
			await tx.docUpdate.deleteMany({ where: { id: { in: read.rowIds } } });
			return merged.byteLength;
		});
	}

	/** Nothing was merged: the rows counted before are still in the log. */
	private restoreCounts(docName: string, before: LogStats): void {
		const current = this.stats.get(docName);
		if (current) {
			current.rows += before.rows;
			current.bytes += before.bytes;
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
