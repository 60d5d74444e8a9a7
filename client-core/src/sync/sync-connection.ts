import { isOutboxName } from "@cossistant/types";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as Y from "yjs";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { ClientEnvironment } from "../platform/environment.ts";
import type { DocCache, DocCacheEntry } from "./doc-cache.ts";
import type { PreloadedDoc } from "./doc-preloads.ts";
import { isRejectedSyncStatus } from "./sync-status.ts";

export type ConnectionStatus = "connecting" | "connected" | "disconnected";

export interface ConnectionState {
	status: ConnectionStatus;
	/** Close code and reason of the last close, e.g. `{ code: 4401, reason: "unauthorized" }`. */
	lastClose: { code: number; reason: string } | null;
}

/** One open document: its replica, its provider and whether it has synced with the server. */
export interface SyncedDocument {
	readonly name: string;
	/** The current replica. Replaced (new instance) when a diverged cache is dropped. */
	readonly doc: Y.Doc;
	readonly provider: HocuspocusProvider;
	/** Resolves once the cached copy is loaded (instant, works offline). */
	readonly whenCached: Promise<void>;
	/** Resolves at the first sync with the server. */
	readonly whenSynced: Promise<void>;
	/** Subscribes to replica replacement (after divergence); returns unsubscribe. */
	onReplaced(listener: (doc: Y.Doc) => void): () => void;
	/** Reads a value kept with the cached copy (deleted with it); undefined without a cache. */
	getCacheMeta(key: string): Promise<string | undefined>;
	/** Stores a value with the cached copy (nothing without a cache). */
	setCacheMeta(key: string, value: string): Promise<void>;
}

export interface SyncConnectionOptions {
	wsUrl: string;
	publicKey?: string;
	token: string;
	environment: ClientEnvironment;
	cache: DocCache;
	/** Cached copies loaded ahead of time: `open` takes them over instead of loading again. */
	takePreloaded?: (name: string) => PreloadedDoc | undefined;
	/**
	 * Called on every close before anything else; returning true means the server refused for
	 * good (e.g. `4401 invalid_api_key`): the connection then stops instead of reconnecting.
	 */
	onRefusal?: (close: { code: number; reason: string }) => boolean;
	/** Called when the server refuses the token (socket closed with 4401). */
	onUnauthorized?: (reason: string) => void;
	/** Called when a document is refused (permission denied) with the server's reason. */
	onDocumentRefused?: (name: string, reason: string) => void;
	/** WebSocket implementation for runtimes without a global one. */
	WebSocketPolyfill?: unknown;
}

interface Entry {
	doc: Y.Doc;
	provider: HocuspocusProvider;
	cache: DocCacheEntry | null;
	listeners: Set<(doc: Y.Doc) => void>;
	synced: Promise<void>;
	resolveSynced: () => void;
}

/**
 * One multiplexed WebSocket (HocuspocusProviderWebsocket) for every document of a client.
 *
 * Shared documents are opened read-only and cached (IndexedDB in browsers) so they open
 * instantly and offline. If the server answers a sync with "not applied" the cache holds state
 * the server never had: the cache is dropped and the document resynced from scratch. The
 * connection reconnects at once when the network comes back or the page becomes visible,
 * instead of waiting out a backoff.
 */
export class SyncConnection {
	readonly state: StoreApi<ConnectionState>;
	private readonly socket: HocuspocusProviderWebsocket;
	private readonly entries = new Map<string, Entry>();
	private readonly replacing = new WeakSet<Entry>();
	private readonly stopWake: () => void;
	private readonly stopOffline: () => void;
	private currentToken: string;
	private destroyed = false;
	/** Stopped for good (see `stop()`): nothing reconnects it. */
	private stopped = false;
	/** The browser said `offline`; cleared by the next wake (`online` / visible). */
	private browserOffline = false;
	/** reconnectNow() came while the socket closed on `offline` was still closing. */
	private connectAfterClose = false;

	constructor(private readonly options: SyncConnectionOptions) {
		this.currentToken = options.token;
		this.state = createStore<ConnectionState>(() => ({ status: "connecting", lastClose: null }));
		const url = options.publicKey
			? `${options.wsUrl}?publicKey=${encodeURIComponent(options.publicKey)}`
			: options.wsUrl;
		this.socket = new HocuspocusProviderWebsocket({
			url,
			// Reconnect quickly, but with bounded backoff; wake events reconnect at once anyway.
			delay: 250,
			minDelay: 250,
			maxDelay: 5_000,
			factor: 2,
			...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
			onStatus: ({ status }) => {
				// A handshake that started before the browser went offline may still complete.
				if (status === "connected" && (this.browserOffline || !options.environment.isOnline())) {
					this.socket.disconnect();
					return;
				}
				this.state.setState({ status: status as ConnectionStatus });
				// An `online` that came while the socket we had closed on `offline` was still closing:
				// the provider ignored that connect() (it still counted itself connected) and, told
				// not to reconnect, would stay down. Now that the close finished, connect for real.
				if (status === "disconnected" && this.connectAfterClose) {
					this.connectAfterClose = false;
					this.reconnectNow();
				}
			},
			onClose: ({ event }) => {
				const lastClose = { code: event.code, reason: String(event.reason ?? "") };
				this.state.setState({ lastClose });
				if (this.stopped) return;
				if (options.onRefusal?.(lastClose)) {
					this.stop();
					return;
				}
				if (event.code === 4401) options.onUnauthorized?.(lastClose.reason);
			},
		});
		this.stopWake = options.environment.onWake(() => this.reconnectNow());
		this.stopOffline =
			options.environment.onOffline?.(() => {
				this.browserOffline = true;
				this.socket.disconnect();
				// The close handshake cannot finish without a network: say so now, not when it times out.
				this.state.setState({ status: "disconnected" });
			}) ?? (() => {});
	}

	/**
	 * Opens `name` (once; later calls return the same document). `cache: false` for documents
	 * whose durability lives elsewhere (the outbox).
	 */
	open(name: string, { cache = true }: { cache?: boolean } = {}): SyncedDocument {
		if (!this.entries.has(name)) {
			const preloaded = cache ? this.options.takePreloaded?.(name) : undefined;
			const entry = preloaded
				? this.createEntry(name, preloaded.doc, true, undefined, preloaded.cache)
				: this.createEntry(name, new Y.Doc(), cache);
			this.entries.set(name, entry);
		}
		return this.handle(name);
	}

	/** Closes a document's provider (the cached copy stays on disk). */
	close(name: string): void {
		const entry = this.entries.get(name);
		if (!entry) return;
		this.entries.delete(name);
		entry.provider.destroy();
		void entry.cache?.destroy();
	}

	/** Reconnects immediately (online / visible again), skipping any pending backoff. */
	reconnectNow(): void {
		// A page becoming visible while the browser is still offline must not reconnect.
		if (!this.options.environment.isOnline()) return;
		this.browserOffline = false;
		if (this.destroyed || this.stopped || this.state.getState().status === "connected") return;
		// Still closing (disconnected on `offline`, close event not seen yet): connect() would
		// be a no-op, so connect once the close completes (see onStatus).
		if (this.socket.status === "connected" && !this.socket.shouldConnect) {
			this.connectAfterClose = true;
			return;
		}
		void this.socket.connect();
	}

	/** The token every document authenticates with. */
	get token(): string {
		return this.currentToken;
	}

	/** Uses a new token (after the visitor identity was recovered) for every document. */
	setToken(token: string): void {
		this.currentToken = token;
		for (const [name, entry] of this.entries) {
			const cache = entry.cache !== null;
			entry.provider.destroy();
			const replacement = this.createEntry(name, entry.doc, cache, entry);
			this.entries.set(name, replacement);
		}
		this.reconnectNow();
	}

	/**
	 * Disconnects for good (a refused key or origin): wake events, new tokens and the socket's
	 * own backoff no longer reconnect. Documents and their cached copies stay readable.
	 */
	stop(): void {
		if (this.stopped) return;
		this.stopped = true;
		// Called from the close handler too, before the socket schedules its reconnection:
		// `disconnect()` clears `shouldConnect`, so it does not.
		this.socket.disconnect();
		this.state.setState({ status: "disconnected" });
	}

	destroy(): void {
		this.destroyed = true;
		this.stopWake();
		this.stopOffline();
		for (const name of [...this.entries.keys()]) this.close(name);
		this.socket.destroy();
	}

	private handle(name: string): SyncedDocument {
		const get = () => {
			const entry = this.entries.get(name);
			if (!entry) throw new Error(`${name} is closed`);
			return entry;
		};
		return {
			name,
			get doc() {
				return get().doc;
			},
			get provider() {
				return get().provider;
			},
			get whenCached() {
				return get().cache?.whenLoaded ?? Promise.resolve();
			},
			get whenSynced() {
				return get().synced;
			},
			onReplaced(listener) {
				const entry = get();
				entry.listeners.add(listener);
				return () => entry.listeners.delete(listener);
			},
			getCacheMeta: async (key) => get().cache?.getMeta?.(key),
			setCacheMeta: async (key, value) => {
				await get().cache?.setMeta?.(key, value);
			},
		};
	}

	private createEntry(
		name: string,
		doc: Y.Doc,
		useCache: boolean,
		previous?: Entry,
		preloadedCache?: DocCacheEntry,
	): Entry {
		let resolveSynced = () => {};
		const synced = new Promise<void>((resolve) => {
			resolveSynced = resolve;
		});
		const cache = previous
			? previous.cache
			: useCache
				? (preloadedCache ?? this.options.cache.attach(name, doc))
				: null;
		const provider = new HocuspocusProvider({
			websocketProvider: this.socket,
			name,
			// A per-provider session key: a replacement provider (dropped cache, new token) never
			// shares its address with the one being closed, whose CLOSE may still be in flight.
			sessionAwareness: true,
			document: doc,
			// Outboxes carry no presence. Without this every outbox renewed an awareness state every
			// 15 s for nothing (a third of an idle widget's traffic); the socket's other documents
			// keep awareness, so the provider's liveness check still hears from the server.
			awareness: isOutboxName(name) ? null : undefined,
			token: this.currentToken,
			onSynced: () => resolveSynced(),
			onAuthenticationFailed: ({ reason }) => this.options.onDocumentRefused?.(name, reason),
			onMessage: ({ event }) => {
				if (isRejectedSyncStatus(event.data as ArrayBuffer)) void this.dropDivergedCache(name);
			},
		});
		const entry: Entry = {
			doc,
			provider,
			cache,
			listeners: previous?.listeners ?? new Set(),
			synced,
			resolveSynced,
		};
		// Attach only after the cached state is in, so the first sync offers the full cached state.
		// Until then the provider does not listen to the doc either: any `update` listener makes
		// Yjs encode the cached state as it loads (~75 ms for 10 000 items), and the provider
		// would only count it as an unsynced change it cannot send (not attached yet); the first
		// sync offers the cached state by state vector anyway.
		const attach = () => {
			if (this.entries.get(name) !== entry) return;
			doc.on("update", provider.boundDocumentUpdateHandler);
			provider.attach();
		};
		if (cache && !previous) {
			doc.off("update", provider.boundDocumentUpdateHandler);
			void cache.whenLoaded.then(attach, attach);
		} else provider.attach();
		return entry;
	}

	/** The server refused state from our cache: forget the cache, resync into a fresh replica. */
	private async dropDivergedCache(name: string): Promise<void> {
		const entry = this.entries.get(name);
		if (!entry || this.replacing.has(entry)) return;
		this.replacing.add(entry);
		// The old entry stays in the map until its successor exists: views may still read it.
		entry.provider.destroy();
		await entry.cache?.clear();
		await entry.cache?.destroy();
		if (this.entries.get(name) !== entry || this.destroyed) return;
		const fresh = this.createEntry(name, new Y.Doc(), entry.cache !== null);
		fresh.listeners = entry.listeners;
		this.entries.set(name, fresh);
		for (const listener of fresh.listeners) listener(fresh.doc);
	}
}
