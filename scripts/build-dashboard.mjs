// Builds the agents' dashboard (dashboard/dist) when it is missing or older than its sources,
// so `npm start` serves a current dashboard. Fresh builds cost a stat walk (a few ms).
// `--force` always rebuilds.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dashboard", "dist");
const stamp = join(dist, ".build-stamp");
// Everything that ends up in the bundle.
const sources = [
	"dashboard/src",
	"dashboard/public",
	"dashboard/index.html",
	"dashboard/vite.config.ts",
	"dashboard/package.json",
	"client-core/src",
	"types/src",
	"package-lock.json",
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
	builtAt ? "Dashboard sources changed: rebuilding…\n" : "Building the dashboard…\n",
);
const vite = join(root, "node_modules", "vite", "bin", "vite.js");
const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
	cwd: join(root, "dashboard"),
	stdio: "inherit",
	// A production build whoever calls it: under a test runner NODE_ENV is "test", which gives a
	// development service worker that never takes control of the page (offline stops working).
	env: { ...process.env, NODE_ENV: "production" },
});
if (result.status !== 0) {
	process.stderr.write(
		"The dashboard build failed; the server starts without a fresh dashboard.\n",
	);
	// The API must still start: a broken dashboard build never takes the server down.
	process.exit(0);
}
writeFileSync(stamp, `${new Date().toISOString()}\n`);
