import { percentile } from "../stats.ts";

/** What {@link runPaced} reports about its own timeliness. */
export interface PacingReport {
	/** Calls of `send` made. */
	sent: number;
	/** Wall time from the first scheduled send to the last actual one. */
	elapsedMs: number;
	/** How late sends left after their scheduled time (the generator's own lag), p99 and max. */
	lateP99Ms: number;
	lateMaxMs: number;
}

/**
 * Calls `send(i)` for i = 0 … count-1 at a steady offered rate: send i is due at
 * `start + i / rate`. A 1 ms timer checks what is due and sends it, so the load is spread
 * evenly instead of going out in bursts; if the process stalls, the overdue sends go out at the
 * next tick and the stall shows as `late…` (and the rate the system saw stays the offered one).
 */
export function runPaced(
	ratePerSecond: number,
	count: number,
	send: (index: number) => void,
): Promise<PacingReport> {
	const intervalMs = 1000 / ratePerSecond;
	const lateness: number[] = [];
	return new Promise((resolve, reject) => {
		const start = performance.now();
		let sent = 0;
		const tick = () => {
			try {
				const now = performance.now();
				const due = Math.min(count, Math.floor((now - start) / intervalMs) + 1);
				while (sent < due) {
					lateness.push(now - (start + sent * intervalMs));
					send(sent);
					sent += 1;
				}
				if (sent >= count) {
					lateness.sort((a, b) => a - b);
					resolve({
						sent,
						elapsedMs: performance.now() - start,
						lateP99Ms: lateness.length > 0 ? percentile(lateness, 99) : 0,
						lateMaxMs: lateness.at(-1) ?? 0,
					});
					return;
				}
				setTimeout(tick, Math.max(0, Math.min(intervalMs, 1)));
			} catch (error) {
				reject(error);
			}
		};
		tick();
	});
}

/** `BENCH_QUICK=1` (or `true`): the short variant of each scenario, for CI. */
export function isQuick(env: Readonly<Record<string, string | undefined>>): boolean {
	const value = env.BENCH_QUICK?.toLowerCase();
	return value === "1" || value === "true" || value === "yes";
}
