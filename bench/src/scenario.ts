/** A value a scenario reports: a number, or a label such as the database kind. */
export type MetricValue = number | string;

/** One named measurement of a scenario run, with its unit (`ms`, `×`, `items`, …). */
export interface Metric {
	key: string;
	value: MetricValue;
	unit: string;
}

/** What a scenario aims for: `metric` compared with `target`. */
export interface Goal {
	/** Key of the metric the goal is about (the scenario's headline value). */
	metric: string;
	op: "<=" | ">=";
	target: number;
}

/** What a scenario run produces: every metric, the goal's metric among them. */
export interface ScenarioOutcome {
	metrics: Metric[];
	/**
	 * Why the goal's metric is absent, when the run could not reach what the goal is about
	 * (e.g. 10 000 connections on this machine). The result then records `value: null` and the
	 * goal as not met, with this reason; nothing is extrapolated.
	 */
	unmeasured?: string;
}

/** What the runner hands to a scenario. */
export interface ScenarioContext {
	/** The environment the benchmark was started with (e.g. `DATABASE_URL`). */
	env: Readonly<Record<string, string | undefined>>;
	/** Progress line (to stderr, so stdout keeps only the result table). */
	log(message: string): void;
}

/** A benchmark: measures one thing, states a goal and the design decision it checks. */
export interface Scenario {
	/** Kebab-case name, used on the command line and as the results file name. */
	name: string;
	/** One sentence: what is measured. */
	description: string;
	/** The design decision the goal checks (as docs/architecture.md states it where possible). */
	anchor: string;
	goal: Goal;
	/**
	 * Further goals on other metrics of the same run (e.g. fanout's ratio to a bare server).
	 * Reported with their verdicts; the headline `goal` stays the one `value` is about.
	 */
	secondaryGoals?: readonly Goal[];
	run(context: ScenarioContext): Promise<ScenarioOutcome>;
}

/** Whether `value` meets `goal`. */
export function goalMet(goal: Goal, value: number): boolean {
	return goal.op === "<=" ? value <= goal.target : value >= goal.target;
}

/** `≤ 2`, `≥ 1000`: the goal as printed in tables. */
export function formatGoal(goal: Goal): string {
	return `${goal.op === "<=" ? "≤" : "≥"} ${goal.target}`;
}
