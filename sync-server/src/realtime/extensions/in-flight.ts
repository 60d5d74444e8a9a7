/**
 * Hook work that still needs the database. A graceful stop awaits it before closing the
 * database: a socket's token check that started just before the stop would otherwise run its
 * next query on a closed pool (found by the chaos fuzz's SIGTERMs).
 */
export class InFlightWork {
	private readonly running = new Set<Promise<unknown>>();

	/** Runs `work`, remembered until it settles. */
	async track<T>(work: () => Promise<T>): Promise<T> {
		const run = work();
		this.running.add(run);
		try {
			return await run;
		} finally {
			this.running.delete(run);
		}
	}

	/** Resolves once everything tracked has settled (including what starts meanwhile). */
	async settle(): Promise<void> {
		while (this.running.size > 0) await Promise.allSettled([...this.running]);
	}
}
