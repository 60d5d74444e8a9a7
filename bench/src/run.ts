/**
 * Benchmark runner: `npm run bench` runs every scenario, `npm run bench -- <name>…` the named
 * ones, `npm run bench -- --list` lists them. Prints a table, writes one JSON file per
 * scenario to bench/results/. Exit code: 0 when every scenario ran (a missed goal is a
 * result, not a failure), 1 when one crashed, 2 on an unknown scenario name.
 */
import { loadavg } from "node:os";
import { describeMachine } from "./machine.ts";
import { SCENARIOS, selectScenarios, UnknownScenarioError } from "./registry.ts";
import { buildResult, writeResult } from "./report.ts";
import type { Scenario } from "./scenario.ts";
import { round } from "./stats.ts";
import { renderSummaryTable, type TableEntry } from "./summary-table.ts";

const EXIT_CRASHED = 1;
const EXIT_USAGE = 2;

async function main(args: readonly string[]): Promise<number> {
	if (args.includes("--list") || args.includes("--help") || args.includes("-h")) {
		console.log("usage: npm run bench [-- <scenario>…]\n\nscenarios:");
		for (const scenario of SCENARIOS)
			console.log(`  ${scenario.name.padEnd(16)} ${scenario.description}`);
		return 0;
	}
	let scenarios: Scenario[];
	try {
		scenarios = selectScenarios(args);
	} catch (error) {
		if (!(error instanceof UnknownScenarioError)) throw error;
		console.error(error.message);
		return EXIT_USAGE;
	}

	const machine = describeMachine();
	const entries: TableEntry[] = [];
	let crashed = false;
	for (const scenario of scenarios) {
		const log = (message: string) => console.error(`[${scenario.name}] ${message}`);
		log(scenario.description);
		const started = performance.now();
		const loadAtStart = loadavg()[0] ?? 0;
		try {
			const outcome = await scenario.run({ env: process.env, log });
			const load = { start: round(loadAtStart, 2), end: round(loadavg()[0] ?? 0, 2) };
			const result = buildResult(scenario, outcome, machine, new Date(), load);
			const file = await writeResult(result);
			log(
				`done in ${((performance.now() - started) / 1000).toFixed(1)} s → ${file} (load average ${load.start} → ${load.end} on ${machine.cpus} CPUs)`,
			);
			entries.push({
				name: scenario.name,
				goal: scenario.goal,
				metrics: outcome.metrics,
				goalMet: result.goalMet,
				...(result.secondaryGoals ? { secondaryGoals: result.secondaryGoals } : {}),
				...(result.unmeasured ? { unmeasured: result.unmeasured } : {}),
			});
		} catch (error) {
			crashed = true;
			log(`CRASHED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			entries.push({ name: scenario.name, goal: scenario.goal, crashed: String(error) });
		}
	}
	console.log(renderSummaryTable(entries));
	console.log(`\nmachine: ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}`);
	return crashed ? EXIT_CRASHED : 0;
}

main(process.argv.slice(2)).then(
	// Exit explicitly: a crashed scenario may leave handles (sockets, pools) open.
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(EXIT_CRASHED);
	},
);
