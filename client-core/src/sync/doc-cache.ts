import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";

/** A cached copy of one shared document: loaded into the doc before the network answers. */
export interface DocCacheEntry {
	/** Resolves once the cached state (if any) is in the doc. */
	whenLoaded: Promise<void>;
	/** Deletes the cached state (divergence: the cache is disposable, never user intent). */
	clear(): Promise<void>;
	destroy(): Promise<void>;
	/** Reads a small value kept next to the cached state, and deleted with it (`clear`). */
	getMeta?(key: string): Promise<string | undefined>;
	/** Stores a small value next to the cached state. */
	setMeta?(key: string, value: string): Promise<void>;
}

/** Where shared documents are cached: IndexedDB in browsers, nowhere (memory) in Node. */
export interface DocCache {
	attach(name: string, doc: Y.Doc): DocCacheEntry;
}

/** No persistence: the Y.Doc in memory is the only copy (Node, server rendering, tests). */
export const memoryDocCache: DocCache = {
	attach: () => ({
		whenLoaded: Promise.resolve(),
		clear: async () => {},
		destroy: async () => {},
	}),
};

/**
 * IndexedDB through y-indexeddb, one database per document (`cossistant/<doc name>`). Importing
 * it touches no browser API (only `attach` opens a database), so it is a static import: the
 * widget loads the client in one chunk instead of splitting Yjs into a chunk of its own.
 */
export function indexedDbDocCache(): DocCache {
	return {
		attach(name, doc) {
			const persistence = new IndexeddbPersistence(`cossistant/${name}`, doc);
			// Yjs encodes a transaction's update (as costly as decoding it) whenever the doc has any
			// `update` listener, before a listener can look at the origin. y-indexeddb listens from
			// its constructor but skips the updates it applies itself, so loading a 10 000-item copy
			// paid ~75 ms encoding an update nobody uses. It listens only once the copy is in (the
			// sync connection keeps its provider's listener off until then too, see SyncConnection).
			doc.off("update", persistence._storeUpdate);
			// Anything else that changed the doc while loading would otherwise miss the disk: store
			// the whole state once then (nothing writes shared docs before they load, so rare).
			let changedWhileLoading = false;
			const watch = (transaction: Y.Transaction) => {
				if (transaction.origin !== persistence && changes(transaction)) changedWhileLoading = true;
			};
			doc.on("afterTransaction", watch);
			const stopWatching = () => doc.off("afterTransaction", watch);
			const whenLoaded = persistence.whenSynced.then(() => {
				stopWatching();
				if (persistence._destroyed) return;
				doc.on("update", persistence._storeUpdate);
				if (changedWhileLoading) persistence._storeUpdate(Y.encodeStateAsUpdate(doc), null);
			});
			return {
				whenLoaded,
				clear: () => persistence.clearData(),
				// y-indexeddb's `custom` store, in the document's own database.
				getMeta: async (key) => {
					const value: unknown = await persistence.get(key);
					return typeof value === "string" ? value : undefined;
				},
				setMeta: async (key, value) => {
					await persistence.set(key, value);
				},
				destroy: () => {
					stopWatching();
					return persistence.destroy();
				},
			};
		},
	};
}

/**
 * Whether a transaction changed the doc (what Yjs checks before emitting `update`): `getArray()`
 * and friends run empty transactions on first use.
 */
function changes(transaction: Y.Transaction): boolean {
	if (transaction.deleteSet.clients.size > 0) return true;
	for (const [client, clock] of transaction.afterState) {
		if (transaction.beforeState.get(client) !== clock) return true;
	}
	return false;
}

/** The default cache for this runtime. */
export function defaultDocCache(): DocCache {
	return typeof indexedDB === "undefined" ? memoryDocCache : indexedDbDocCache();
}

/** A fresh empty doc (used when a diverged cache is dropped). */
export function freshDoc(): Y.Doc {
	return new Y.Doc();
}
