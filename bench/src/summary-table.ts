import type { Metric } from "./scenario.ts";
import { formatGoal, type Goal } from "./scenario.ts";
import { renderTable } from "./table.ts";

/** What the final table shows of one scenario: its metrics, or why it did not finish. */
export type TableEntry =
	| {
			name: string;
			goal: Goal;
			metrics: Metric[];
			goalMet: boolean;
			/** Further goals of the scenario with their verdicts (shown on their metrics' rows). */
			secondaryGoals?: ReadonlyArray<Goal & { met: boolean }>;
			/** Why the goal's metric could not be measured (shown on its own row). */
			unmeasured?: string;
	  }
	| { name: string; goal: Goal; crashed: string };

const HEADER = ["name", "metric", "value", "unit", "goal", "met?"] as const;

/** One row per metric; the goal and its verdict on the row of the goal's metric. */
export function renderSummaryTable(entries: readonly TableEntry[]): string {
	const rows: string[][] = [];
	for (const entry of entries) {
		if ("crashed" in entry) {
			rows.push([entry.name, entry.goal.metric, "CRASHED", "", formatGoal(entry.goal), "no"]);
			continue;
		}
		for (const metric of entry.metrics) {
			const secondary = entry.secondaryGoals?.find((goal) => goal.metric === metric.key);
			const goal = metric.key === entry.goal.metric ? entry.goal : secondary;
			const met = metric.key === entry.goal.metric ? entry.goalMet : secondary?.met;
			rows.push([
				entry.name,
				metric.key,
				formatValue(metric.value),
				metric.unit,
				goal ? formatGoal(goal) : "",
				goal ? (met ? "yes" : "NO") : "",
			]);
		}
		if (entry.unmeasured) {
			rows.push([
				entry.name,
				entry.goal.metric,
				"not measured",
				entry.unmeasured,
				formatGoal(entry.goal),
				"NO",
			]);
		}
	}
	return renderTable(HEADER, rows);
}

function formatValue(value: number | string): string {
	if (typeof value === "string") return value;
	if (Number.isInteger(value)) return String(value);
	return value.toFixed(Math.abs(value) >= 100 ? 1 : 3);
}
