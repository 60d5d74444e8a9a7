import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MachineInfo } from "./machine.ts";
import {
	type Goal,
	goalMet,
	type MetricValue,
	type Scenario,
	type ScenarioOutcome,
} from "./scenario.ts";

/** The JSON written to `bench/results/<name>.json` after a scenario ran. */
export interface ScenarioResult {
	name: string;
	/** Unit of `value`. */
	unit: string;
	/** Every metric of the run, by key. */
	values: Record<string, MetricValue>;
	/** The headline value: the metric the goal is about (`null` when it could not be measured). */
	value: number | null;
	goal: Goal;
	goalMet: boolean;
	/** Why `value` is null (the scenario's `unmeasured`). */
	unmeasured?: string;
	/** The scenario's further goals, each with the value measured and its verdict. */
	secondaryGoals?: Array<Goal & { value: number | null; met: boolean }>;
	anchor: string;
	machine: MachineInfo;
	/**
	 * 1-minute load average of the machine when the scenario started and finished: machines here
	 * are shared, and a load above the CPU count means the numbers were measured under contention.
	 */
	loadAverage?: { start: number; end: number };
	/** ISO time the run finished. */
	at: string;
}

/** Folder the result files go to: `bench/results/`, wherever the command was started. */
export const RESULTS_DIR = fileURLToPath(new URL("../results/", import.meta.url));

/** Turns a scenario's outcome into its result record; throws if the goal's metric is missing. */
export function buildResult(
	scenario: Scenario,
	outcome: ScenarioOutcome,
	machine: MachineInfo,
	at: Date,
	loadAverage?: { start: number; end: number },
): ScenarioResult {
	const headline = outcome.metrics.find((metric) => metric.key === scenario.goal.metric);
	const measured =
		headline && typeof headline.value === "number" && Number.isFinite(headline.value);
	if (!measured && !outcome.unmeasured) {
		throw new Error(
			`scenario ${scenario.name} did not report a finite number for "${scenario.goal.metric}"`,
		);
	}
	const value = measured ? (headline.value as number) : null;
	const secondaryGoals = scenario.secondaryGoals?.map((goal) => {
		const metric = outcome.metrics.find((candidate) => candidate.key === goal.metric);
		const value =
			typeof metric?.value === "number" && Number.isFinite(metric.value) ? metric.value : null;
		return { ...goal, value, met: value !== null && goalMet(goal, value) };
	});
	return {
		name: scenario.name,
		unit: headline?.unit ?? "",
		values: Object.fromEntries(outcome.metrics.map((metric) => [metric.key, metric.value])),
		value,
		goal: scenario.goal,
		goalMet: value !== null && goalMet(scenario.goal, value),
		...(value === null ? { unmeasured: outcome.unmeasured } : {}),
		...(secondaryGoals ? { secondaryGoals } : {}),
		anchor: scenario.anchor,
		machine,
		...(loadAverage ? { loadAverage } : {}),
		at: at.toISOString(),
	};
}

/** Writes `result` to `<dir>/<name>.json` and returns the file's path. */
export async function writeResult(
	result: ScenarioResult,
	dir: string = RESULTS_DIR,
): Promise<string> {
	await mkdir(dir, { recursive: true });
	const file = join(dir, `${result.name}.json`);
	await writeFile(file, `${JSON.stringify(result, null, "\t")}\n`);
	return file;
}
