import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	realpathSync,
	writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
import { eventually } from "../../../sync-server/test/support/eventually.ts";
import { freePort } from "../../../sync-server/test/support/server-process.ts";

export const REPO_ROOT = resolve(import.meta.dirname, "../../..");

/** The published packages, as `npm pack` names their tarballs. */
export const PUBLIC_PACKAGES = [
	"@cossistant/types",
	"@cossistant/core",
	"@cossistant/react",
	"@cossistant/next",
] as const;

/**
 * The version the repository's lock file resolved for `name` (react, next, vite, typescript…):
 * consumer apps pin them so npm installs them from its cache, offline.
 */
export function lockedVersion(name: string): string {
	const lock = JSON.parse(readFileSync(join(REPO_ROOT, "package-lock.json"), "utf8")) as {
		packages: Record<string, { version?: string }>;
	};
	const version = lock.packages[`node_modules/${name}`]?.version;
	if (!version) throw new Error(`${name} is not in the repository's lock file`);
	return version;
}

/**
 * A fresh folder under the system's temporary directory, so no `package.json` or `node_modules`
 * of the repository is visible from it (Node and bundlers look up parent folders).
 */
export function outsideWorkspace(prefix: string): string {
	const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
	if (dir.startsWith(`${REPO_ROOT}${sep}`)) throw new Error(`${dir} is inside the repository`);
	return dir;
}

/**
 * Builds the four packages (`npm run build`, turbo: cached when unchanged) and packs them with
 * `npm pack` into `destination`; returns each package's tarball path.
 */
export function buildAndPack(
	destination: string,
): Record<(typeof PUBLIC_PACKAGES)[number], string> {
	execFileSync("npm", ["run", "build"], { cwd: REPO_ROOT, stdio: "ignore", env: cleanEnv() });
	const output = execFileSync(
		process.execPath,
		[join(REPO_ROOT, "scripts/pack-packages.mjs"), destination],
		{ cwd: REPO_ROOT, encoding: "utf8", env: cleanEnv() },
	);
	const tarballs = output.trim().split("\n");
	const byName = {} as Record<(typeof PUBLIC_PACKAGES)[number], string>;
	for (const name of PUBLIC_PACKAGES) {
		const file = `${name.slice(1).replace("/", "-")}-`;
		const tarball = tarballs.find((path) => path.split(sep).at(-1)?.startsWith(file));
		if (!tarball) throw new Error(`no tarball for ${name} in:\n${output}`);
		byName[name] = tarball;
	}
	return byName;
}

/**
 * The environment of a command run in a consumer app: this process's, without the `npm_*`
 * variables an enclosing `npm run` sets (`npm_config_local_prefix` would point a nested npm at
 * the repository), with this Node first on the PATH.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!key.toLowerCase().startsWith("npm_")) env[key] = value;
	}
	env.PATH = `${dirname(process.execPath)}:${env.PATH ?? ""}`;
	env.NEXT_TELEMETRY_DISABLED = "1";
	return { ...env, ...extra };
}

/** Writes `files` (path relative to `dir` → content) into `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): void {
	for (const [path, content] of Object.entries(files)) {
		const target = join(dir, path);
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, content);
	}
}

/** Runs `command args` in `cwd` to completion; throws with its output when it fails. */
export async function run(
	cwd: string,
	command: string,
	args: string[],
	env: Record<string, string> = {},
): Promise<string> {
	const child = spawn(command, args, {
		cwd,
		env: cleanEnv(env),
		stdio: ["ignore", "pipe", "pipe"],
	});
	const output: string[] = [];
	child.stdout?.on("data", (chunk) => output.push(String(chunk)));
	child.stderr?.on("data", (chunk) => output.push(String(chunk)));
	const code = await new Promise<number | null>((done) => child.once("exit", done));
	if (code !== 0) {
		throw new Error(`${command} ${args.join(" ")} failed (${code}) in ${cwd}:\n${output.join("")}`);
	}
	return output.join("");
}

/** `npm install` in `dir` from its package.json, offline when npm's cache has everything. */
export function npmInstall(dir: string): Promise<string> {
	return run(dir, "npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"]);
}

/**
 * Proves the app reads the packages from their tarballs: each `@cossistant/*` in the app's
 * `node_modules` is a real folder (not a workspace symlink), holds the built `dist/` and no
 * `src/`, and Node resolves the package from inside the app.
 */
export function assertInstalledFromTarballs(
	dir: string,
	names: readonly string[] = PUBLIC_PACKAGES,
): void {
	const require = createRequire(join(dir, "package.json"));
	for (const name of names) {
		const installed = join(dir, "node_modules", name);
		const stat = lstatSync(installed);
		if (stat.isSymbolicLink() || !stat.isDirectory()) {
			throw new Error(`${installed} is not a plain folder (a link into the repository?)`);
		}
		if (realpathSync(installed) !== installed) throw new Error(`${installed} resolves elsewhere`);
		lstatSync(join(installed, "dist"));
		let hasSource = true;
		try {
			lstatSync(join(installed, "src"));
		} catch {
			hasSource = false;
		}
		if (hasSource) throw new Error(`${installed} holds src/: not the published tarball`);
		const entry = realpathSync(require.resolve(join(name, "package.json")));
		if (!entry.startsWith(`${installed}${sep}`)) {
			throw new Error(`${name} resolves to ${entry}, outside ${installed}`);
		}
	}
}

/** A long-running server of a consumer app (`vite preview`, `next start`). */
export interface AppServer {
	url: string;
	output: string[];
	stop(): Promise<void>;
}

/**
 * Runs `node <bin> ...args(port)` in `dir` on a free loopback port and waits until `GET /`
 * answers 200.
 */
export async function serve(
	dir: string,
	bin: string,
	args: (port: number) => string[],
): Promise<AppServer> {
	const port = await freePort();
	const child: ChildProcess = spawn(process.execPath, [join(dir, bin), ...args(port)], {
		cwd: dir,
		env: cleanEnv(),
		stdio: ["ignore", "pipe", "pipe"],
	});
	const output: string[] = [];
	child.stdout?.on("data", (chunk) => output.push(String(chunk)));
	child.stderr?.on("data", (chunk) => output.push(String(chunk)));
	const url = `http://127.0.0.1:${port}`;
	await eventually(
		async () => {
			if (child.exitCode !== null) throw new Error(`${bin} exited: ${output.join("")}`);
			const response = await fetch(`${url}/`);
			if (!response.ok) throw new Error(`GET / answered ${response.status}`);
		},
		{ timeoutMs: 60_000, intervalMs: 250, message: `${bin} did not answer on ${url}` },
	);
	return {
		url,
		output,
		stop: () =>
			new Promise((done) => {
				if (child.exitCode !== null || child.signalCode !== null) return done();
				child.once("exit", () => done());
				child.kill("SIGTERM");
			}),
	};
}
