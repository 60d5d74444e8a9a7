import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { Scenario } from "../scenario.ts";

const ENTRY = resolve(import.meta.dirname, "../../../client-core/src/index.ts");

/**
 * `client-size`: what `@cossistant/core` weighs in a browser bundle with all its dependencies
 * (yjs, the Hocuspocus provider, y-indexeddb, zustand, valibot, the shared schemas), minified and
 * gzipped, React excluded (the core does not use it).
 */
export const clientSize: Scenario = {
	name: "client-size",
	description:
		"Minified and gzipped size of @cossistant/core with its dependencies (React excluded).",
	anchor:
		"For scale: yjs + y-indexeddb alone are 24.8 KB gzipped; the widget budget is 70 KB gzipped in all.",
	// 50 KB leaves 20 KB of the widget's 70 KB budget (widget-size's goal) for its UI.
	goal: { metric: "gzipKB", op: "<=", target: 50 },
	async run({ log }) {
		log("bundling client-core/src/index.ts with esbuild (minified, browser, esm)…");
		const result = await build({
			entryPoints: [ENTRY],
			bundle: true,
			minify: true,
			format: "esm",
			platform: "browser",
			target: "es2022",
			conditions: ["@cossistant/source"],
			external: ["react", "react-dom"],
			write: false,
			metafile: true,
			logLevel: "silent",
		});
		const code = result.outputFiles[0]?.contents ?? new Uint8Array();
		const gzip = gzipSync(code, { level: 9 });
		const inputs = Object.entries(result.metafile.outputs).flatMap(([, output]) =>
			Object.entries(output.inputs),
		);
		const byPackage = new Map<string, number>();
		for (const [path, { bytesInOutput }] of inputs) {
			const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
			const name = match?.[1] ?? "(our code)";
			byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
		}
		const largest = [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
		log(
			`largest parts (minified bytes): ${largest.map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KB`).join(", ")}`,
		);
		return {
			metrics: [
				{ key: "minifiedKB", value: round(code.byteLength / 1024), unit: "KB" },
				{ key: "gzipKB", value: round(gzip.byteLength / 1024), unit: "KB" },
				...largest.map(([name, bytes]) => ({
					key: `minifiedKB:${name}`,
					value: round(bytes / 1024),
					unit: "KB",
				})),
			],
		};
	},
};

function round(value: number): number {
	return Math.round(value * 10) / 10;
}
