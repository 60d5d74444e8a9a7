import * as Y from "yjs";

/**
 * The state of `updates` as one update, garbage-collected: the content of deleted items (every
 * replaced conversation summary of an inbox, say) is dropped, as a live document drops it.
 * `Y.mergeUpdates` keeps every deleted value, so snapshots grew with every write ever made (an
 * inbox reached 1.6 MB after 3 000 messages); with this they grow with the live content.
 * Updates whose predecessors are missing stay in the output (Yjs encodes pending structs).
 */
export function compactState(updates: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
	const doc = new Y.Doc({ gc: true });
	Y.transact(doc, () => {
		for (const update of updates) Y.applyUpdate(doc, update);
	});
	const state = Y.encodeStateAsUpdate(doc) as Uint8Array<ArrayBuffer>;
	doc.destroy();
	return state;
}
