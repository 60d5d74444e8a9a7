import type { Scenario } from "../scenario.ts";
import { measureEmbedSize } from "../support/embed-size.ts";
import { measureWidgetSize } from "../support/widget-size.ts";
import { measureConsumerWidgetSize } from "../support/widget-size-consumer.ts";
import { measureWidgetSizeWithVite } from "../support/widget-size-vite.ts";

/**
 * `widget-size`: what `@cossistant/react` costs a host page built from the docs' React
 * Quickstart, gzipped, React and React DOM excluded: before the trigger is visible (entry chunk,
 * its static imports and the CSS) and in all (the client and pages loaded on idle or open).
 * The goals are checked on what users ship: a fresh Vite react-ts app written as the Quickstart
 * says, outside the repository, with the packages installed from the tarballs `npm pack` makes
 * (their built `dist/`), built by the app's own Vite. Reported beside it: the same entry built
 * by Vite from the workspace sources (`workspace:*`), esbuild's output (`esbuild:*`, a stricter
 * case: it assigns modules to chunks by reachability, so hooks the package's barrel re-exports
 * and the lazy pages share land in a chunk the entry imports), and the script-tag embed: its
 * loader (goal ≤ 2 KB gz) and the widget bundle it loads, React included.
 */
export const widgetSize: Scenario = {
	name: "widget-size",
	description:
		"Gzipped size of the widget in a Quickstart Vite app installed from the packed tarballs: before the trigger shows, and in all (React excluded); workspace build, esbuild and the script-tag embed (loader, widget bundle with React) alongside.",
	anchor:
		"What a host page loads before the trigger is visible ≤ 15 KB gzipped (the rest on open or idle); everything ≤ 70 KB gzipped; the script-tag loader ≤ 2 KB gzipped.",
	goal: { metric: "initialGzipKB", op: "<=", target: 15 },
	secondaryGoals: [
		{ metric: "totalGzipKB", op: "<=", target: 70 },
		{ metric: "loaderGzipKB", op: "<=", target: 2 },
	],
	async run({ log }) {
		log("packing the packages, installing them in a fresh Vite app and building it…");
		const consumer = await measureConsumerWidgetSize();
		log(
			`consumer app: initial ${consumer.initialGzipKB} KB gz, total ${consumer.totalGzipKB} KB gz`,
		);
		log("building the Quickstart host entry from the workspace sources with Vite…");
		const vite = await measureWidgetSizeWithVite();
		log(`workspace vite: initial ${vite.initialGzipKB} KB gz, total ${vite.totalGzipKB} KB gz`);
		const embed = measureEmbedSize();
		log(
			`embed: loader ${embed.loaderGzipKB} KB gz; widget bundle (React included) ${embed.widgetInitialGzipKB} KB gz before the trigger, ${embed.widgetTotalGzipKB} KB gz in all`,
		);
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
				{ key: "initialGzipKB", value: consumer.initialGzipKB, unit: "KB" },
				{ key: "totalGzipKB", value: consumer.totalGzipKB, unit: "KB" },
				{ key: "workspace:initialGzipKB", value: vite.initialGzipKB, unit: "KB" },
				{ key: "workspace:totalGzipKB", value: vite.totalGzipKB, unit: "KB" },
				{ key: "loaderGzipKB", value: embed.loaderGzipKB, unit: "KB" },
				{ key: "embed:widgetInitialGzipKB", value: embed.widgetInitialGzipKB, unit: "KB" },
				{ key: "embed:widgetTotalGzipKB", value: embed.widgetTotalGzipKB, unit: "KB" },
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
