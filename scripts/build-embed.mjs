// Builds the script-tag embed (embed/dist) when it is missing or older than its sources, so
// `npm start` serves a current widget at /widget/. Fresh builds cost a stat walk (a few ms).
// `--force` always rebuilds. Output:
//   loader.js      the tag sites paste (IIFE, no dependencies)
//   widget.js      the widget bundle (ESM, React included) + chunk-*.js loaded on idle or open
//   widget.css     the widget's stylesheet, loaded into the shadow root
//   version.json   { "version" } of embed/package.json: the server's /widget/<version>/ path
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "embed", "dist");
const stamp = join(dist, ".build-stamp");
// Everything that ends up in the bundle.
const sources = [
	"embed/src",
	"embed/package.json",
	"react-sdk/src",
	"client-core/src",
	"types/src",
	"package-lock.json",
	"scripts/build-embed.mjs",
].map((path) => join(root, path));

function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

const force = process.argv.includes("--force");
const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map(newestMtime));
if (!force && builtAt > 0 && builtAt >= sourcesAt) process.exit(0);

process.stdout.write(
	builtAt ? "Widget embed sources changed: rebuilding…\n" : "Building the widget embed…\n",
);
const { version } = JSON.parse(readFileSync(join(root, "embed", "package.json"), "utf8"));
const common = {
	bundle: true,
	minify: true,
	platform: "browser",
	conditions: ["@cossistant/source"],
	legalComments: "none",
	logLevel: "warning",
	absWorkingDir: root,
};
try {
	// Old chunks go: their names are content hashes, and a stale one must not linger as `latest`.
	rmSync(dist, { recursive: true, force: true });
	mkdirSync(dist, { recursive: true });
	await build({
		...common,
		entryPoints: { loader: "embed/src/loader.ts" },
		format: "iife",
		// Old enough for every browser the widget supports, so the tag never breaks a page.
		target: "es2020",
		outdir: dist,
	});
	await build({
		...common,
		entryPoints: { widget: "embed/src/widget.tsx" },
		format: "esm",
		splitting: true,
		target: "es2022",
		jsx: "automatic",
		define: { "process.env.NODE_ENV": '"production"' },
		chunkNames: "chunk-[hash]",
		outdir: dist,
	});
	writeFileSync(join(dist, "version.json"), `${JSON.stringify({ version })}\n`);
} catch (error) {
	process.stderr.write(
		`The widget embed build failed (${error instanceof Error ? error.message : error}); the server starts without /widget/.\n`,
	);
	// The API must still start: a broken embed build never takes the server down.
	rmSync(dist, { recursive: true, force: true });
	process.exit(0);
}
writeFileSync(stamp, `${new Date().toISOString()}\n`);
