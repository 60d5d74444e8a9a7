import { basename, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";

/** One file of the host page's bundle, as a browser would fetch it. */
export interface WidgetChunk {
	file: string;
	/** Loaded before the trigger shows (the entry and its static imports, and its CSS). */
	initial: boolean;
	gzipKB: number;
}

/** Gzipped sizes (KB) of the widget in a host page's bundle, React and React DOM excluded. */
export interface WidgetSize {
	/** Script and styles a host page loads before the trigger is visible. */
	initialGzipKB: number;
	initialJsGzipKB: number;
	initialCssGzipKB: number;
	/** What loads on idle or on open (the client, its dependencies, the pages). */
	lazyGzipKB: number;
	/** Everything: initial and lazy, script and styles. */
	totalGzipKB: number;
	chunks: WidgetChunk[];
	/** Minified bytes per package in the whole output, largest first. */
	largest: Array<{ name: string; minifiedKB: number }>;
}

/** The Quickstart host entry (`SupportProvider`, `<Support />`, `styles.css`). */
export const WIDGET_HOST_ENTRY = resolve(import.meta.dirname, "widget-host-entry.tsx");

/** React and React DOM are the host application's; the widget does not ship them. */
const HOST_OWNED = ["react", "react-dom", "react/jsx-runtime", "react-dom/client"];

/**
 * Bundles a host entry the way an application ships it (esbuild: minified browser ESM with code
 * splitting, the workspace packages from source) and gzips each output file on its own (level
 * 9), as a server would send it. Initial = the entry chunk, every chunk it imports statically
 * (dynamic `import()` is what the widget defers to idle or open) and the CSS; total = all files.
 */
export async function measureWidgetSize(entry: string = WIDGET_HOST_ENTRY): Promise<WidgetSize> {
	const result = await build({
		entryPoints: [entry],
		bundle: true,
		splitting: true,
		minify: true,
		format: "esm",
		platform: "browser",
		target: "es2022",
		jsx: "automatic",
		conditions: ["@cossistant/source"],
		external: HOST_OWNED,
		define: { "process.env.NODE_ENV": '"production"' },
		outdir: "/widget-size-out",
		write: false,
		metafile: true,
		logLevel: "silent",
	});
	const outputs = result.metafile.outputs;
	const entryOutput = Object.keys(outputs).find(
		(path) => outputs[path]?.entryPoint && path.endsWith(".js"),
	);
	if (!entryOutput) throw new Error("esbuild produced no entry chunk");
	const initialScripts = new Set(
		[...staticClosure(outputs, entryOutput)].map((path) => basename(path)),
	);

	const chunks: WidgetChunk[] = result.outputFiles.map((file) => {
		const name = basename(file.path);
		return {
			file: name,
			initial: name.endsWith(".css") || initialScripts.has(name),
			gzipKB: kb(gzipSync(file.contents, { level: 9 }).byteLength),
		};
	});
	const sum = (filter: (chunk: WidgetChunk) => boolean) =>
		round(chunks.filter(filter).reduce((total, chunk) => total + chunk.gzipKB, 0));
	const isCss = (chunk: WidgetChunk) => chunk.file.endsWith(".css");

	const byPackage = new Map<string, number>();
	for (const output of Object.values(outputs)) {
		for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
			const name =
				/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path.split("/")[0] ?? path;
			byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
		}
	}
	return {
		initialGzipKB: sum((chunk) => chunk.initial),
		initialJsGzipKB: sum((chunk) => chunk.initial && !isCss(chunk)),
		initialCssGzipKB: sum((chunk) => chunk.initial && isCss(chunk)),
		lazyGzipKB: sum((chunk) => !chunk.initial),
		totalGzipKB: sum(() => true),
		chunks: chunks.map((chunk) => ({ ...chunk, gzipKB: round(chunk.gzipKB) })),
		largest: [...byPackage.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, 6)
			.map(([name, bytes]) => ({ name, minifiedKB: round(kb(bytes)) })),
	};
}

/** The output files `entry` loads through static imports (itself included). */
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

function kb(bytes: number): number {
	return bytes / 1024;
}

function round(value: number): number {
	return Math.round(value * 10) / 10;
}
