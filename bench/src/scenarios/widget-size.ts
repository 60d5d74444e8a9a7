import type { Scenario } from "../scenario.ts";
import { measureWidgetSize } from "../support/widget-size.ts";
import { measureWidgetSizeWithVite } from "../support/widget-size-vite.ts";

/**
 * `widget-size`: what `@cossistant/react` costs a host page built from the docs' React
 * Quickstart, gzipped, React and React DOM excluded: before the trigger is visible (entry chunk,
 * its static imports and the CSS) and in all (the client and pages loaded on idle or open).
 * The goals are checked on Vite's production build, the Quickstart's bundler (its `.env` is
 * `VITE_COSSISTANT_API_KEY`); esbuild's output is reported next to it (`esbuild:*`) as a
 * stricter case: it assigns modules to chunks by reachability, so hooks the package's barrel
 * re-exports and the lazy pages share land in a chunk the entry imports.
 */
export const widgetSize: Scenario = {
	name: "widget-size",
	description:
		"Gzipped size of the widget in a Quickstart host page (Vite build): before the trigger shows, and in all (React excluded); esbuild alongside.",
	anchor:
		"What a host page loads before the trigger is visible ≤ 15 KB gzipped (the rest on open or idle); everything ≤ 70 KB gzipped.",
	goal: { metric: "initialGzipKB", op: "<=", target: 15 },
	secondaryGoals: [{ metric: "totalGzipKB", op: "<=", target: 70 }],
	async run({ log }) {
		log("building the Quickstart host entry with Vite (production build, React external)…");
		const vite = await measureWidgetSizeWithVite();
		log(`vite: initial ${vite.initialGzipKB} KB gz, total ${vite.totalGzipKB} KB gz`);
		log("bundling the same entry with esbuild (minified, code splitting, browser esm)…");
		const size = await measureWidgetSize();
		for (const chunk of size.chunks) {
			log(`  esbuild ${chunk.initial ? "initial" : "lazy   "} ${chunk.file} ${chunk.gzipKB} KB gz`);
		}
		log(
			`largest parts (minified): ${size.largest.map(({ name, minifiedKB }) => `${name} ${minifiedKB} KB`).join(", ")}`,
		);
		return {
			metrics: [
				{ key: "initialGzipKB", value: vite.initialGzipKB, unit: "KB" },
				{ key: "totalGzipKB", value: vite.totalGzipKB, unit: "KB" },
				{ key: "esbuild:initialGzipKB", value: size.initialGzipKB, unit: "KB" },
				{ key: "esbuild:initialJsGzipKB", value: size.initialJsGzipKB, unit: "KB" },
				{ key: "esbuild:initialCssGzipKB", value: size.initialCssGzipKB, unit: "KB" },
				{ key: "esbuild:lazyGzipKB", value: size.lazyGzipKB, unit: "KB" },
				{ key: "esbuild:totalGzipKB", value: size.totalGzipKB, unit: "KB" },
				{ key: "esbuild:files", value: size.chunks.length, unit: "files" },
				...size.largest.map(({ name, minifiedKB }) => ({
					key: `minifiedKB:${name}`,
					value: minifiedKB,
					unit: "KB",
				})),
			],
		};
	},
};
