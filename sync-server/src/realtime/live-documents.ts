import * as Y from "yjs";
import type { Logger } from "../logger.ts";

/** Transaction origin of updates the pipeline applies after commit (not a client's). */
export const COMMITTED_ORIGIN = { source: "local", skipStoreHooks: true } as const;

export interface LiveDocumentsOptions {
	/** The document's full committed state (the store's), to fill a gap in a live replica. */
	loadCommitted: (name: string) => Promise<Uint8Array | null>;
	logger: Logger;
	/**
	 * How long a loaded document may hold updates whose predecessors it lacks before it is
	 * repaired. With several processes an update fanned out through Redis can arrive after a
	 * later one this process committed, so a short wait is normal; a long one is a lost update.
	 */
	gapGraceMs?: number;
}

/**
 * Every Hocuspocus document of this process, from the moment it starts loading.
 *
 * Committed updates are applied here (Hocuspocus then broadcasts them). A document that is
 * still loading gets the update too: Yjs keeps it pending until the loaded state arrives, so an
 * update committed between "load query started" and "document ready" is never missed.
 *
 * Once loaded, a document whose committed updates stay pending is missing one of their
 * predecessors, and every later update of it would pend too: its clients would silently stop
 * seeing the conversation. Such a document is refilled from the store (a safety net: the
 * store's loads are consistent, see DocStore.loadWithWatermark).
 */
export class LiveDocuments {
	private readonly docs = new Map<string, Y.Doc>();
	private readonly repairs = new Map<string, ReturnType<typeof setTimeout>>();

	constructor(private readonly options: LiveDocumentsOptions) {}

	register(name: string, doc: Y.Doc): void {
		this.docs.set(name, doc);
		doc.once("destroy", () => {
			if (this.docs.get(name) === doc) this.docs.delete(name);
		});
	}

	get(name: string): Y.Doc | undefined {
		return this.docs.get(name);
	}

	/** Applies a committed update to the live document, if this process has it open. */
	applyCommitted(name: string, update: Uint8Array): void {
		const doc = this.docs.get(name);
		if (!doc) return;
		Y.applyUpdate(doc, update, COMMITTED_ORIGIN);
		if (hasGap(doc)) this.scheduleRepair(name);
	}

	get size(): number {
		return this.docs.size;
	}

	/** Cancels pending repairs (server stop). */
	stop(): void {
		for (const timer of this.repairs.values()) clearTimeout(timer);
		this.repairs.clear();
	}

	private scheduleRepair(name: string): void {
		if (this.repairs.has(name)) return;
		const timer = setTimeout(() => {
			this.repairs.delete(name);
			void this.repair(name);
		}, this.options.gapGraceMs ?? 1_000);
		timer.unref();
		this.repairs.set(name, timer);
	}

	private async repair(name: string): Promise<void> {
		const doc = this.docs.get(name);
		if (!doc || !hasGap(doc)) return;
		try {
			const state = await this.options.loadCommitted(name);
			if (state && this.docs.get(name) === doc) Y.applyUpdate(doc, state, COMMITTED_ORIGIN);
			this.options.logger.warn(
				{ documentName: name, repaired: !hasGap(doc) },
				"live document was missing committed updates; refilled it from the store",
			);
		} catch (error) {
			// The next committed update of this document schedules another attempt.
			this.options.logger.warn({ err: error, documentName: name }, "live document repair failed");
		}
	}
}

/** A loaded document holding updates it cannot integrate yet (a predecessor is missing). */
function hasGap(doc: Y.Doc): boolean {
	if ((doc as { isLoading?: boolean }).isLoading === true) return false;
	return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}
