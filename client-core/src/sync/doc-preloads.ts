import * as Y from "yjs";
import type { DocCache, DocCacheEntry } from "./doc-cache.ts";
import { installShortStringDecoding } from "./string-decoding.ts";

/** A document whose cached copy started loading before anything opened it. */
export interface PreloadedDoc {
	doc: Y.Doc;
	cache: DocCacheEntry;
}

/**
 * Cached copies loaded ahead of time: a page that knows which document it will show (e.g. the
 * conversation its URL names) starts reading and decoding it from the cache while the client
 * is still bootstrapping, instead of after. Opening the document later (`SyncConnection.open`)
 * takes the replica over as it is, loaded or still loading; nothing else changes (it is opened,
 * authorised and validated exactly as a document opened without a preload).
 */
export class DocPreloads {
	private readonly preloaded = new Map<string, PreloadedDoc>();
	/** The stored visitor's document, preloaded before the bootstrap said who the visitor is. */
	private visitorDoc: string | undefined;

	constructor(private readonly cache: DocCache) {}

	/** Starts loading the stored visitor's document (`visitorOpened` settles it). */
	preloadVisitor(name: string): void {
		this.visitorDoc = name;
		this.preload(name);
	}

	/**
	 * The client opened its visitor's document (taking the preloaded copy over if it is the same
	 * visitor): closes the stored visitor's copy if the server answered with another one.
	 */
	visitorOpened(): void {
		if (this.visitorDoc) this.discard(this.visitorDoc);
	}

	/** Starts loading `name`'s cached copy (once). */
	preload(name: string): void {
		if (this.preloaded.has(name)) return;
		installShortStringDecoding();
		const doc = new Y.Doc();
		this.preloaded.set(name, { doc, cache: this.cache.attach(name, doc) });
	}

	/** Hands over a preloaded document (then forgets it), or undefined. */
	take(name: string): PreloadedDoc | undefined {
		const preloaded = this.preloaded.get(name);
		this.preloaded.delete(name);
		return preloaded;
	}

	/** Closes a copy nothing will take over (if preloaded). */
	discard(name: string): void {
		const preloaded = this.take(name);
		if (!preloaded) return;
		void preloaded.cache.destroy();
		preloaded.doc.destroy();
	}

	/** Closes the copies nothing took over. */
	destroy(): void {
		for (const name of [...this.preloaded.keys()]) this.discard(name);
	}
}
