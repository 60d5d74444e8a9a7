/**
 * Summaries of the fanout load generator's phases (`fanout-worker.ts`), shared by the scenarios
 * that drive it (`fanout`, `fanout-2p`, `throughput-2p`).
 */
import { type SampleSummary, summarize } from "../stats.ts";
import type { FanoutPhase } from "./fanout-worker.ts";

/** Every recorded latency of `phases`, summarised; null when no message arrived. */
export function latencies(phases: readonly FanoutPhase[]): SampleSummary | null {
	const all = phases.flatMap((phase) => phase.latencies);
	return all.length > 0 ? summarize(all) : null;
}

/** Sum of one count over `phases` (missing, rejected, …). */
export function total(
	phases: readonly FanoutPhase[],
	pick: (phase: FanoutPhase) => number,
): number {
	return phases.reduce((sum, phase) => sum + pick(phase), 0);
}

/** Arithmetic mean; NaN for no values. */
export function mean(values: readonly number[]): number {
	return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
}

/** One progress line for a phase, with the time spent inside the pipeline when probed. */
export function describePhase(phase: FanoutPhase, pipelineMs: readonly number[] = []): string {
	if (phase.latencies.length === 0) return `no message arrived (missing ${phase.missing})`;
	const s = summarize(phase.latencies);
	const inPipeline = pipelineMs.length > 0 ? summarize([...pipelineMs]) : null;
	return [
		`p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms, max ${s.max.toFixed(1)} ms`,
		`missing ${phase.missing}, rejected ${phase.rejected}`,
		`generator late p99 ${phase.lateP99Ms.toFixed(1)} ms`,
		...(inPipeline
			? [`in the pipeline p50 ${inPipeline.p50.toFixed(1)} ms, p99 ${inPipeline.p99.toFixed(1)} ms`]
			: []),
	].join(", ");
}
