/** Buckets kept in memory at most; beyond, the least recently used are forgotten. */
const DEFAULT_MAX_KEYS = 100_000;

/** The outcome of {@link TokenBucketLimiter.take}. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Token buckets per key (an IP, a visitor): each holds up to `capacity` tokens and regains
 * `capacity` tokens per `intervalMs`, so bursts up to `capacity` pass and the sustained rate is
 * `capacity` per interval.
 *
 * State lives in this process's memory: with N sync-server processes each enforces its own
 * buckets, so a client spread over all of them gets up to N times the rate. That is accepted
 * for abuse limits (they cap floods, not billing); a shared store would add a network round trip
 * to every request. Memory is bounded: the least recently used keys are evicted past `maxKeys`
 * (an evicted key starts again with a full bucket, which only ever errs on the lenient side).
 */
export class TokenBucketLimiter {
	private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();
	private readonly refillPerMs: number;

	constructor(
		readonly capacity: number,
		readonly intervalMs: number,
		private readonly maxKeys = DEFAULT_MAX_KEYS,
	) {
		if (!(capacity > 0) || !(intervalMs > 0)) throw new Error("capacity and interval must be > 0");
		this.refillPerMs = capacity / intervalMs;
	}

	/** Takes one token for `key` if one is available. */
	take(key: string, now = Date.now()): RateDecision {
		const previous = this.buckets.get(key);
		const tokens = previous
			? Math.min(this.capacity, previous.tokens + (now - previous.updatedAt) * this.refillPerMs)
			: this.capacity;
		// Re-insert so Map order is least-recently-used first.
		this.buckets.delete(key);
		if (tokens < 1) {
			this.buckets.set(key, { tokens, updatedAt: now });
			return { allowed: false, retryAfterMs: Math.ceil((1 - tokens) / this.refillPerMs) };
		}
		this.buckets.set(key, { tokens: tokens - 1, updatedAt: now });
		this.evict();
		return { allowed: true };
	}

	/**
	 * How long until `key` has a token (0: one is there now), without taking it. Lets a caller
	 * that needs a token from several limiters at once take them all or none.
	 */
	retryAfterMs(key: string, now = Date.now()): number {
		const previous = this.buckets.get(key);
		if (!previous) return 0;
		const tokens = Math.min(
			this.capacity,
			previous.tokens + (now - previous.updatedAt) * this.refillPerMs,
		);
		return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.refillPerMs);
	}

	/** Keys currently tracked (for tests and stats). */
	get size(): number {
		return this.buckets.size;
	}

	private evict(): void {
		while (this.buckets.size > this.maxKeys) {
			const oldest = this.buckets.keys().next().value;
			if (oldest === undefined) return;
			this.buckets.delete(oldest);
		}
	}
}
