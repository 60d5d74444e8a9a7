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
	private readonly keys: LRUCache<string, CachedPublicKey>;
	private readonly faces: LRUCache<string, PublicWebsiteResponse>;

	constructor(
		loadKey: (keyHash: string) => Promise<CachedPublicKey | null>,
		loadFace: (websiteId: string) => Promise<PublicWebsiteResponse>,
		options: WebsiteCacheOptions = {},
	) {
		const common = { max: options.max ?? 10_000, ttl: options.ttlMs ?? DEFAULT_TTL_MS };
		// `fetch` shares one load among concurrent misses of the same key.
		this.keys = new LRUCache({
			...common,
			fetchMethod: async (keyHash) => (await loadKey(keyHash)) ?? undefined,
		});
		this.faces = new LRUCache({ ...common, fetchMethod: (websiteId) => loadFace(websiteId) });
	}

	/** The public key with this SHA-256, or null if no such key exists. */
	async publicKey(keyHash: string): Promise<CachedPublicKey | null> {
		return (await this.keys.fetch(keyHash)) ?? null;
	}

	/** The website's public face (throws what the loader throws, e.g. not_found). */
	async publicWebsite(websiteId: string): Promise<PublicWebsiteResponse> {
		const face = await this.faces.fetch(websiteId);
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
	 * key: the only callers that change keys, origins, agents or names), forget everything. Team
	 * writes are rare next to widget reads, so clearing all beats tracking which route changes
	 * what (and cannot miss a route added later).
	 */
	forgetOnTeamWrites(): RequestHandler {
		return (req, res, next) => {
			const writes = !["GET", "HEAD", "OPTIONS"].includes(req.method);
			if (writes && req.headers.authorization) {
				res.once("finish", () => {
					if (res.statusCode < 400) this.clear();
				});
			}
			next();
		};
	}
}
