import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";

/** A cached copy of one shared document: loaded into the doc before the network answers. */
export interface DocCacheEntry {
	/** Resolves once the cached state (if any) is in the doc. */
	whenLoaded: Promise<void>;
	/** Deletes the cached state (divergence: the cache is disposable, never user intent). */
	clear(): Promise<void>;
	destroy(): Promise<void>;
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
			return {
				whenLoaded: persistence.whenSynced.then(() => undefined),
				clear: () => persistence.clearData(),
				destroy: () => persistence.destroy(),
			};
		},
	};
}

/** The default cache for this runtime. */
export function defaultDocCache(): DocCache {
	return typeof indexedDB === "undefined" ? memoryDocCache : indexedDbDocCache();
}

/** A fresh empty doc (used when a diverged cache is dropped). */
export function freshDoc(): Y.Doc {
	return new Y.Doc();
}
