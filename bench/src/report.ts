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
	/** The headline value: the metric the goal is about. */
	value: number;
	goal: Goal;
	goalMet: boolean;
	anchor: string;
	machine: MachineInfo;
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
): ScenarioResult {
	const headline = outcome.metrics.find((metric) => metric.key === scenario.goal.metric);
	if (!headline || typeof headline.value !== "number" || !Number.isFinite(headline.value)) {
		throw new Error(
			`scenario ${scenario.name} did not report a finite number for "${scenario.goal.metric}"`,
		);
	}
	return {
		name: scenario.name,
		unit: headline.unit,
		values: Object.fromEntries(outcome.metrics.map((metric) => [metric.key, metric.value])),
		value: headline.value,
		goal: scenario.goal,
		goalMet: goalMet(scenario.goal, headline.value),
		anchor: scenario.anchor,
		machine,
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
