/** Keys remembered at most; beyond, the least recently failed are forgotten. */
const DEFAULT_MAX_KEYS = 100_000;

/**
 * Counts failures (wrong passwords) per key in a sliding window: once a key has `maxFailures`
 * within `windowMs`, it is locked until the oldest of them leaves the window. Successes do not
 * count; the caller may `reset` a key after one (e.g. the email that just logged in).
 *
 * In memory, per process (see TokenBucketLimiter for why that is accepted).
 */
export class FailureLimiter {
	private readonly failures = new Map<string, number[]>();

	constructor(
		readonly maxFailures: number,
		readonly windowMs: number,
		private readonly maxKeys = DEFAULT_MAX_KEYS,
	) {}

	/** Milliseconds until `key` may try again; 0 when it may now. */
	retryAfterMs(key: string, now = Date.now()): number {
		const recent = this.recent(key, now);
		if (recent.length < this.maxFailures) return 0;
		const oldest = recent[recent.length - this.maxFailures] ?? now;
		return Math.max(1, oldest + this.windowMs - now);
	}

	/** Records one failure of `key`. */
	fail(key: string, now = Date.now()): void {
		const recent = this.recent(key, now);
		recent.push(now);
		// Only the last maxFailures matter for the lock; older entries would only cost memory.
		if (recent.length > this.maxFailures) recent.splice(0, recent.length - this.maxFailures);
		this.failures.delete(key);
		this.failures.set(key, recent);
		while (this.failures.size > this.maxKeys) {
			const oldest = this.failures.keys().next().value;
			if (oldest === undefined) break;
			this.failures.delete(oldest);
		}
	}

	/** Removes the most recent failure of `key` (an attempt counted up front that succeeded). */
	forgive(key: string): void {
		const list = this.failures.get(key);
		list?.pop();
		if (list?.length === 0) this.failures.delete(key);
	}

	/** Forgets the failures of `key`. */
	reset(key: string): void {
		this.failures.delete(key);
	}

	private recent(key: string, now: number): number[] {
		const list = this.failures.get(key);
		if (!list) return [];
		const kept = list.filter((at) => now - at < this.windowMs);
		if (kept.length === 0) this.failures.delete(key);
		return kept;
	}
}
