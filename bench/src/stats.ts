/** Summary of a list of samples. */
export interface SampleSummary {
	count: number;
	mean: number;
	p50: number;
	p99: number;
	min: number;
	max: number;
}

/** Arithmetic mean, p50 and p99 (nearest rank), min and max of non-empty `samples`. */
export function summarize(samples: readonly number[]): SampleSummary {
	if (samples.length === 0) throw new Error("summarize: no samples");
	const sorted = [...samples].sort((a, b) => a - b);
	const sum = sorted.reduce((total, x) => total + x, 0);
	return {
		count: sorted.length,
		mean: sum / sorted.length,
		p50: percentile(sorted, 50),
		p99: percentile(sorted, 99),
		min: sorted[0] as number,
		max: sorted[sorted.length - 1] as number,
	};
}

/** Nearest-rank percentile of ascending `sorted` (non-empty). */
export function percentile(sorted: readonly number[], p: number): number {
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** Rounds to `digits` decimals (for results meant to be read by people). */
export function round(value: number, digits = 3): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}
