import type { Scenario } from "./scenario.ts";
import { clientSize } from "./scenarios/client-size.ts";
import { coldOpen } from "./scenarios/cold-open.ts";
import { connections } from "./scenarios/connections.ts";
import { dashboardOpen } from "./scenarios/dashboard-open.ts";
import { fanout } from "./scenarios/fanout.ts";
import { fanout2p } from "./scenarios/fanout-2p.ts";
import { reconnect } from "./scenarios/reconnect.ts";
import { rest } from "./scenarios/rest.ts";
import { storeCost } from "./scenarios/store-cost.ts";
import { throughput } from "./scenarios/throughput.ts";
import { throughput2p } from "./scenarios/throughput-2p.ts";
import { widgetSize } from "./scenarios/widget-size.ts";

/** Every scenario, in the order `npm run bench` runs them. Add new ones here. */
export const SCENARIOS: readonly Scenario[] = [
	storeCost,
	clientSize,
	widgetSize,
	throughput,
	fanout,
	throughput2p,
	fanout2p,
	rest,
	coldOpen,
	dashboardOpen,
	reconnect,
	connections,
];

/** Thrown when the command line names a scenario that does not exist. */
export class UnknownScenarioError extends Error {
	override name = "UnknownScenarioError";
}

/** The scenarios named (all when `names` is empty), in registry order; throws on unknown names. */
export function selectScenarios(
	names: readonly string[],
	all: readonly Scenario[] = SCENARIOS,
): Scenario[] {
	if (names.length === 0) return [...all];
	const known = new Set(all.map((scenario) => scenario.name));
	const unknown = names.filter((name) => !known.has(name));
	if (unknown.length > 0) {
		const list = unknown.map((name) => JSON.stringify(name)).join(", ");
		throw new UnknownScenarioError(
			`Unknown scenario ${list}. Known scenarios: ${[...known].join(", ")}.`,
		);
	}
	const wanted = new Set(names);
	return all.filter((scenario) => wanted.has(scenario.name));
}
