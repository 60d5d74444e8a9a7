import type { PublicWebsiteResponse } from "@cossistant/types";
import type { RequestHandler } from "express";
import { LRUCache } from "lru-cache";

/** A public key as the widget's requests need it (no secret: keys are stored hashed). */
export interface CachedPublicKey {
	id: string;
	websiteId: string;
	kind: string;
	environment: string;
	revokedAt: Date | null;
	lastUsedAt: Date | null;
	allowedOrigins: readonly string[];
}

export interface WebsiteCacheOptions {
	/** How long an entry is trusted; bounds how stale another process's view can be. */
	ttlMs?: number;
	/** Entries kept per map (least recently used go first). */
	max?: number;
}

/** Default staleness bound; other processes' sockets are re-checked every 30 s anyway. */
const DEFAULT_TTL_MS = 5_000;

/**
 * What every widget request reads about its website and rarely changes: the public key (with
 * the website's allowed origins) and the website's public face (name, agents). Every page view
 * of every visitor asks for both; cached for a few seconds, the widget's bootstrap needs one
 * database round trip (its visitor) instead of four (the `rest` benchmark).
 *
 * Staleness: this process forgets everything after any successful team write (see
 * `forgetOnTeamWrites`), so a revoked key, a changed origin list or a new agent take effect at
 * once here; other processes see them within `ttlMs`. Unknown keys are never cached (a key
 * just created works at once everywhere).
 */
export class WebsiteCache {
	private readonly keys: LoadingCache<CachedPublicKey>;
	private readonly faces: LoadingCache<PublicWebsiteResponse>;

	constructor(
		loadKey: (keyHash: string) => Promise<CachedPublicKey | null>,
		loadFace: (websiteId: string) => Promise<PublicWebsiteResponse>,
		options: WebsiteCacheOptions = {},
	) {
		const limits = { max: options.max ?? 10_000, ttl: options.ttlMs ?? DEFAULT_TTL_MS };
		this.keys = new LoadingCache(loadKey, limits);
		this.faces = new LoadingCache(loadFace, limits);
	}

	/** The public key with this SHA-256, or null if no such key exists. */
	publicKey(keyHash: string): Promise<CachedPublicKey | null> {
		return this.keys.get(keyHash);
	}

	/** The website's public face (throws what the loader throws, e.g. not_found). */
	async publicWebsite(websiteId: string): Promise<PublicWebsiteResponse> {
		const face = await this.faces.get(websiteId);
		if (!face) throw new Error(`public face of ${websiteId} could not be loaded`);
		return face;
	}

	/** Forgets everything (after a team write: keys, origins, agents or names may have changed). */
	clear(): void {
		this.keys.clear();
		this.faces.clear();
	}

	/**
	 * Express middleware: after any successful write by a team caller (agent session or private
	 * key) or to `/auth/…` and `/setup` (the only requests that change keys, origins, agents or
	 * names), forget everything. Team
	 * writes are rare next to widget reads, so clearing all beats tracking which route changes
	 * what (and cannot miss a route added later).
	 */
	forgetOnTeamWrites(): RequestHandler {
		return (req, res, next) => {
			const writes = !["GET", "HEAD", "OPTIONS"].includes(req.method);
			// Accepting an invitation and the first setup add agents without a bearer token.
			// Routing ignores letter case and a trailing slash, so this check does too.
			const path = req.path.toLowerCase().replace(/\/+$/, "");
			const teamWrite =
				req.headers.authorization !== undefined || path.startsWith("/auth/") || path === "/setup";
			if (writes && teamWrite) {
				res.once("finish", () => {
					if (res.statusCode < 400) this.clear();
				});
			}
			next();
		};
	}
}

/**
 * An LRU cache with a TTL that loads misses, one load per key at a time. A load that started
 * before `clear()` still answers its callers but is not stored: it may have read the database
 * before the write that caused the clear committed.
 */
class LoadingCache<V extends object> {
	private readonly values: LRUCache<string, V>;
	private readonly loading = new Map<string, Promise<V | null>>();
	private generation = 0;

	constructor(
		private readonly load: (key: string) => Promise<V | null>,
		limits: { max: number; ttl: number },
	) {
		this.values = new LRUCache<string, V>(limits);
	}

	get(key: string): Promise<V | null> {
		const cached = this.values.get(key);
		if (cached) return Promise.resolve(cached);
		const pending = this.loading.get(key);
		if (pending) return pending;
		const generation = this.generation;
		const loaded = this.load(key)
			.then((value) => {
				// Unknown keys are not cached: a key created a moment later must work at once.
				if (value && generation === this.generation) this.values.set(key, value);
				return value;
			})
			.finally(() => {
				if (this.loading.get(key) === loaded) this.loading.delete(key);
			});
		this.loading.set(key, loaded);
		return loaded;
	}

	clear(): void {
		this.generation += 1;
		this.values.clear();
		this.loading.clear();
	}
}
