import type { Logger } from "../logger.ts";

/** Keys remembered at most; beyond, the least recently logged are forgotten. */
const DEFAULT_MAX_KEYS = 10_000;

/**
 * Caps the log lines one key (typically a client: `visitor:…`, `user:…`) can cause: at most
 * `perWindow` lines per `windowMs`; the lines past it are counted and the count is attached to the
 * next line let through (`suppressed`). A client that can trigger a warning at will (a malformed
 * outbox, an oversized frame, on every reconnect) would otherwise write the server's logs.
 *
 * Memory is bounded: past `maxKeys` keys the least recently logged are forgotten (a forgotten key
 * starts a fresh window, which only errs on the side of logging).
 */
export class LogLimiter {
	private readonly windows = new Map<
		string,
		{ startedAt: number; lines: number; suppressed: number }
	>();

	constructor(
		readonly perWindow: number,
		readonly windowMs = 60_000,
		private readonly maxKeys = DEFAULT_MAX_KEYS,
	) {
		if (!(perWindow > 0) || !(windowMs > 0)) throw new Error("perWindow and windowMs must be > 0");
	}

	/**
	 * Whether a line for `key` may be written now: null when it must be dropped (it is counted),
	 * otherwise how many lines of `key` were dropped since the last one written.
	 */
	admit(key: string, now = Date.now()): { suppressed: number } | null {
		let window = this.windows.get(key);
		this.windows.delete(key);
		if (!window || now - window.startedAt >= this.windowMs) {
			window = { startedAt: now, lines: 0, suppressed: window?.suppressed ?? 0 };
		}
		// Re-inserted so Map order is least-recently-logged first.
		this.windows.set(key, window);
		this.evict();
		if (window.lines >= this.perWindow) {
			window.suppressed += 1;
			return null;
		}
		window.lines += 1;
		const suppressed = window.suppressed;
		window.suppressed = 0;
		return { suppressed };
	}

	/** Writes `message` at warn level for `key` unless its budget is spent. */
	warn(logger: Logger, key: string, fields: Record<string, unknown>, message: string): void {
		const admitted = this.admit(key);
		if (!admitted) return;
		logger.warn(
			admitted.suppressed > 0 ? { ...fields, suppressed: admitted.suppressed } : fields,
			message,
		);
	}

	/** Keys currently tracked (for tests and stats). */
	get size(): number {
		return this.windows.size;
	}

	private evict(): void {
		while (this.windows.size > this.maxKeys) {
			const oldest = this.windows.keys().next().value;
			if (oldest === undefined) return;
			this.windows.delete(oldest);
		}
	}
}
