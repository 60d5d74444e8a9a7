import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";

/** Gzipped sizes (KB) of the widget in a host page's bundle, React and React DOM excluded. */
export interface WidgetSize {
	/** The entry chunk and what it imports statically: loaded before the trigger shows. */
	initialGzipKB: number;
	/** Every chunk, lazy ones included. */
	totalGzipKB: number;
	/** Minified bytes of the largest contributors, for the report. */
	largest: Array<{ name: string; minifiedKB: number }>;
}

const ENTRY = resolve(import.meta.dirname, "host-entry.tsx");

/**
 * Bundles the Quickstart host entry with code splitting (esbuild, minified, browser ESM) and
 * measures the initial chunk graph (static imports from the entry) and the whole output.
 */
export async function measureWidgetSize(): Promise<WidgetSize> {
	const result = await build({
		entryPoints: [ENTRY],
		bundle: true,
		splitting: true,
		minify: true,
		format: "esm",
		platform: "browser",
		target: "es2022",
		jsx: "automatic",
		conditions: ["@cossistant/source"],
		external: ["react", "react-dom", "react/jsx-runtime", "react-dom/client"],
		define: { "process.env.NODE_ENV": '"production"' },
		outdir: "/virtual-out",
		write: false,
		metafile: true,
		logLevel: "silent",
	});
	const gz = new Map<string, number>();
	for (const file of result.outputFiles) {
		if (file.path.endsWith(".js"))
			gz.set(relative(file.path), gzipSync(file.contents, { level: 9 }).byteLength);
	}
	const outputs = result.metafile.outputs;
	const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint);
	if (!entry) throw new Error("no entry output");
	const initial = staticClosure(outputs, entry);
	const sum = (paths: Iterable<string>) =>
		[...paths].reduce((total, path) => total + (gz.get(relative(path)) ?? 0), 0);
	const byPackage = new Map<string, number>();
	for (const output of Object.values(outputs)) {
		for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
			const name =
				/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path.split("/")[0] ?? path;
			byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
		}
	}
	return {
		initialGzipKB: round(sum(initial) / 1024),
		totalGzipKB: round([...gz.values()].reduce((a, b) => a + b, 0) / 1024),
		largest: [...byPackage.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, 6)
			.map(([name, bytes]) => ({ name, minifiedKB: round(bytes / 1024) })),
	};
}

function staticClosure(outputs: Metafile["outputs"], entry: string): Set<string> {
	const seen = new Set<string>();
	const visit = (path: string) => {
		if (seen.has(path)) return;
		seen.add(path);
		for (const imported of outputs[path]?.imports ?? []) {
			if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
		}
	};
	visit(entry);
	return seen;
}

function relative(path: string): string {
	return path.replace(/^.*virtual-out\//, "virtual-out/");
}

function round(value: number): number {
	return Math.round(value * 10) / 10;
}
