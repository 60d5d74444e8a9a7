import type { PublicWebsiteResponse } from "@cossistant/types";
import { describe, expect, it } from "vitest";
import { type CachedPublicKey, WebsiteCache } from "../../src/auth/website-cache.ts";

function key(revokedAt: Date | null): CachedPublicKey {
	return {
		id: "k1",
		websiteId: "w1",
		kind: "public",
		environment: "test",
		revokedAt,
		lastUsedAt: null,
		allowedOrigins: [],
	};
}

const face: PublicWebsiteResponse = {
	id: "w1",
	name: "Acme",
	availableHumanAgents: [],
	availableAIAgents: [],
};

describe("WebsiteCache", () => {
	it("loads a key once for concurrent misses, then serves it from memory", async () => {
		let loads = 0;
		const cache = new WebsiteCache(
			async () => {
				loads += 1;
				return key(null);
			},
			async () => face,
		);
		const [a, b] = await Promise.all([cache.publicKey("h"), cache.publicKey("h")]);
		expect(a).toEqual(key(null));
		expect(b).toBe(a);
		await cache.publicKey("h");
		expect(loads).toBe(1);
	});

	it("never caches an unknown key, and does not keep a load that raced a clear", async () => {
		let stored: CachedPublicKey | null = null;
		let release: () => void = () => {};
		const gate = new Promise<void>((resolve) => {
			release = resolve;
		});
		const cache = new WebsiteCache(
			async () => {
				const answer = stored;
				await gate;
				return answer;
			},
			async () => face,
		);
		release();
		expect(await cache.publicKey("h")).toBeNull();
		stored = key(null);
		expect(await cache.publicKey("h")).toEqual(key(null));

		// A load that read the old row, still in flight when a write clears the cache.
		const slowCache = new WebsiteCache(
			async () => {
				const answer = stored;
				await new Promise((resolve) => setTimeout(resolve, 20));
				return answer;
			},
			async () => face,
		);
		const inFlight = slowCache.publicKey("h");
		stored = key(new Date(0));
		slowCache.clear();
		expect((await inFlight)?.revokedAt).toBeNull();
		expect((await slowCache.publicKey("h"))?.revokedAt).toEqual(new Date(0));
	});
});
