import * as Y from "yjs";

/** Transaction origin of updates the pipeline applies after commit (not a client's). */
export const COMMITTED_ORIGIN = { source: "local", skipStoreHooks: true } as const;

/**
 * Every Hocuspocus document of this process, from the moment it starts loading.
 *
 * Committed updates are applied here (Hocuspocus then broadcasts them). A document that is
 * still loading gets the update too: Yjs keeps it pending until the loaded state arrives, so an
 * update committed between "load query started" and "document ready" is never missed.
 */
export class LiveDocuments {
	private readonly docs = new Map<string, Y.Doc>();

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
		if (doc) Y.applyUpdate(doc, update, COMMITTED_ORIGIN);
	}

	get size(): number {
		return this.docs.size;
	}
}
