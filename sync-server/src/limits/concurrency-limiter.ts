/**
 * Counts what each key (an IP, a visitor, a session) holds open at once and refuses more than
 * `max`. Unlike a token bucket it is released, not refilled: every successful
 * {@link ConcurrencyLimiter.acquire} must be paired with one {@link ConcurrencyLimiter.release}
 * (e.g. when the socket closes). Only keys holding something are kept, so memory follows the
 * number of open things, which the callers bound.
 *
 * In-process, as the token buckets are: with N sync-server processes behind a balancer a client
 * may hold up to N times `max`.
 */
export class ConcurrencyLimiter {
	private readonly held = new Map<string, number>();

	constructor(readonly max: number) {
		if (!(max > 0)) throw new Error("max must be > 0");
	}

	/** Takes one slot for `key`; false (nothing taken) when it already holds `max`. */
	acquire(key: string): boolean {
		const count = this.held.get(key) ?? 0;
		if (count >= this.max) return false;
		this.held.set(key, count + 1);
		return true;
	}

	/** Gives back one slot of `key`. */
	release(key: string): void {
		const count = (this.held.get(key) ?? 0) - 1;
		if (count > 0) this.held.set(key, count);
		else this.held.delete(key);
	}

	/** Slots `key` holds now. */
	count(key: string): number {
		return this.held.get(key) ?? 0;
	}
}
