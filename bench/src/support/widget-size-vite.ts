import { dirname } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Rollup } from "vite";
import { WIDGET_HOST_ENTRY } from "./widget-size.ts";

/** Gzipped sizes (KB) of the same host entry built by Vite, the React Quickstart's first bundler. */
export interface ViteWidgetSize {
	/** Entry chunk, its static imports and the CSS. */
	initialGzipKB: number;
	totalGzipKB: number;
}

/**
 * Builds the Quickstart host entry with Vite's production build (its own bundler and minifier,
 * React external) and measures it like `measureWidgetSize`: each file gzipped on its own;
 * initial = the entry chunk, the chunks it imports statically, and the CSS.
 */
export async function measureWidgetSizeWithVite(
	entry: string = WIDGET_HOST_ENTRY,
): Promise<ViteWidgetSize> {
	const result = await build({
		configFile: false,
		logLevel: "silent",
		root: dirname(entry),
		resolve: { conditions: ["@cossistant/source", "browser", "import", "module", "default"] },
		define: { "process.env.NODE_ENV": '"production"' },
		build: {
			write: false,
			minify: true,
			target: "es2022",
			modulePreload: false,
			rollupOptions: {
				input: entry,
				external: ["react", "react-dom", "react/jsx-runtime", "react-dom/client"],
				output: { format: "es" },
			},
		},
	});
	const outputs: Array<Rollup.OutputChunk | Rollup.OutputAsset> = (
		Array.isArray(result) ? result : [result]
	).flatMap((output) => ("output" in output ? output.output : []));
	return viteOutputSizes(outputs);
}

/**
 * Gzips each file of a Vite build on its own (level 9): initial = the entry chunks, the chunks
 * they import statically, and the CSS; total = every script and stylesheet (HTML left out).
 */
export function viteOutputSizes(
	outputs: ReadonlyArray<Rollup.OutputChunk | Rollup.OutputAsset>,
): ViteWidgetSize {
	const chunks = new Map(
		outputs.flatMap((file) => (file.type === "chunk" ? [[file.fileName, file] as const] : [])),
	);
	const initial = new Set<string>();
	const visit = (name: string) => {
		const chunk = chunks.get(name);
		if (!chunk || initial.has(name)) return;
		initial.add(name);
		for (const imported of chunk.imports) visit(imported);
	};
	for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
	let initialBytes = 0;
	let totalBytes = 0;
	for (const file of outputs) {
		if (file.fileName.endsWith(".html")) continue;
		const body = file.type === "chunk" ? file.code : file.source;
		const gz = gzipSync(body, { level: 9 }).byteLength;
		totalBytes += gz;
		if (file.type === "asset" ? file.fileName.endsWith(".css") : initial.has(file.fileName))
			initialBytes += gz;
	}
	const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
	return { initialGzipKB: kb(initialBytes), totalGzipKB: kb(totalBytes) };
}
