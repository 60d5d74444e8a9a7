/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Resolves in a fresh macrotask (after `setImmediate`). Benchmarks submit each command from
 * one, as a command arriving over the network would be: the server's background work (e.g.
 * compaction, which waits on `setImmediate`) gets its turn. Back-to-back awaits over in-process
 * PGlite never leave the microtask queue and would starve such work for a whole run.
 */
export function nextMacrotask(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

/** Wall time of `fn` in milliseconds. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await fn();
	return performance.now() - started;
}
