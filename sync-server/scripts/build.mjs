// Builds the installable server into sync-server/dist: plain JavaScript for Node 22, no tsx.
//   cli.js                 the `cossistant-server` command (bin)
//   index.js               the library entry (startSyncServer, loadConfig, …)
//   compaction-worker.js   the worker thread StateCompactor starts beside its own file
//   chunk-*.js             code the entries share
//   migrations/            prisma/migrations, read by the migrator at every start
//   dashboard/  embed/  demo/   the built dashboard, widget embed and demo page
// Bundled: our sources, the workspace package @cossistant/types and the generated Prisma client.
// Everything in package.json's `dependencies` stays an import, installed with the package.
// `--strict` (prepack) fails when the dashboard or embed build is missing instead of warning.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = join(pkgDir, "..");
const dist = join(pkgDir, "dist");
const strict = process.argv.includes("--strict");
const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
const external = Object.keys(pkg.dependencies ?? {});

function runScript(script, ...args) {
	const result = spawnSync(process.execPath, [join(root, "scripts", script), ...args], {
		cwd: root,
		stdio: "inherit",
	});
	if (result.status !== 0) throw new Error(`${script} failed`);
}

// The generated client is gitignored: a fresh clone has it from `npm install` (postinstall).
if (!existsSync(join(pkgDir, "src", "generated", "prisma", "client.ts"))) {
	runScript("prisma-generate.mjs");
}
// Both are no-ops when their build is fresh.
runScript("build-dashboard.mjs");
runScript("build-embed.mjs");

rmSync(dist, { recursive: true, force: true });
const result = await build({
	absWorkingDir: pkgDir,
	entryPoints: {
		cli: "src/cli.ts",
		index: "src/index.ts",
		"compaction-worker": "src/persistence/compaction-worker.ts",
	},
	outdir: dist,
	bundle: true,
	platform: "node",
	format: "esm",
	target: "node22",
	// Shared code in chunks beside the entries: they resolve migrations/, dashboard/ and the
	// worker from their own import.meta.url, so every output file must sit in dist/ itself.
	splitting: true,
	chunkNames: "chunk-[hash]",
	conditions: ["@cossistant/source"],
	external,
	legalComments: "none",
	logLevel: "warning",
	metafile: true,
});

// Anything bundled from node_modules is a dependency missing from package.json: it would be
// frozen into the build instead of installed, so refuse.
const stray = Object.keys(result.metafile.inputs).filter((input) =>
	input.split(/[\\/]/).includes("node_modules"),
);
if (stray.length > 0) {
	throw new Error(
		`Bundled from node_modules (add them to sync-server's dependencies): ${stray.join(", ")}`,
	);
}
// A bundled `require` fails at run time in ESM ("Dynamic require of … is not supported").
const outputs = Object.keys(result.metafile.outputs);
for (const file of outputs) {
	if (readFileSync(join(pkgDir, file), "utf8").includes("__require(")) {
		throw new Error(`${file} calls require(); keep that module external`);
	}
}

cpSync(join(root, "prisma", "migrations"), join(dist, "migrations"), { recursive: true });

// [source, destination in dist, a file a complete build has, what it is]
const assets = [
	["dashboard/dist", "dashboard", "index.html", "the dashboard (node scripts/build-dashboard.mjs)"],
	["embed/dist", "embed", "loader.js", "the widget embed (node scripts/build-embed.mjs)"],
	["embed/demo", "demo", "index.html", "the demo page"],
];
for (const [from, to, marker, what] of assets) {
	const source = join(root, from);
	if (!existsSync(join(source, marker))) {
		const message = `${from}/${marker} is missing: the build ships without ${what}.`;
		if (strict) throw new Error(message);
		process.stderr.write(`warning: ${message}\n`);
		continue;
	}
	cpSync(source, join(dist, to), {
		recursive: true,
		// Build stamps say when a build ran in this clone; they mean nothing in a package.
		filter: (path) => !path.endsWith(`${sep}.build-stamp`),
	});
}

process.stdout.write(`Built ${outputs.join(", ")} and their assets\n`);
