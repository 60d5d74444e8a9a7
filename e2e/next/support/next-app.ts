import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { eventually } from "../../../sync-server/test/support/eventually.ts";
import { freePort } from "../../../sync-server/test/support/server-process.ts";

export const REPO_ROOT = resolve(import.meta.dirname, "../../..");
/** The example app the suite builds and serves. */
export const APP_DIR = join(REPO_ROOT, "examples/next-app");
const NEXT_BIN = join(REPO_ROOT, "node_modules/next/dist/bin/next");
const BUILD_MARKER = join(APP_DIR, ".next/e2e-build.json");

/** Everything whose change changes the build: the app and the packages it compiles. */
const HASHED_ROOTS = [
	"examples/next-app",
	"next-sdk",
	"react-sdk/src",
	"react-sdk/package.json",
	"client-core/src",
	"client-core/package.json",
	"types/src",
	"types/package.json",
	"package-lock.json",
];
const SKIPPED = new Set(["node_modules", ".next", "next-env.d.ts", "tsconfig.tsbuildinfo", "test"]);

function collectFiles(path: string, into: string[]): void {
	if (!existsSync(path)) return;
	if (statSync(path).isFile()) {
		into.push(path);
		return;
	}
	for (const entry of readdirSync(path).sort()) {
		if (!SKIPPED.has(entry)) collectFiles(join(path, entry), into);
	}
}

/** SHA-256 of the sources the build reads and of the environment it inlines. */
export function buildHash(env: Record<string, string>): string {
	const hash = createHash("sha256");
	const files: string[] = [];
	for (const root of HASHED_ROOTS) collectFiles(join(REPO_ROOT, root), files);
	for (const file of files) {
		hash.update(relative(REPO_ROOT, file));
		hash.update(readFileSync(file));
	}
	hash.update(JSON.stringify(Object.entries(env).sort()));
	return hash.digest("hex");
}

/**
 * The example installs the packages as an application does, so it reads their built `dist/`:
 * `npm run build` (turbo, cached when the sources did not change) comes first.
 */
export function buildPackages(): void {
	execFileSync("npm", ["run", "build"], { cwd: REPO_ROOT, stdio: "ignore" });
}

function run(args: string[], env: Record<string, string>): ChildProcess {
	return spawn(process.execPath, [NEXT_BIN, ...args], {
		cwd: APP_DIR,
		env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
		stdio: ["ignore", "pipe", "pipe"],
	});
}

/**
 * `next build` of the example with `env`, skipped when `.next` already holds a build of the same
 * sources and environment (builds take a minute or more on two cores). `NEXT_PUBLIC_` values are
 * inlined at build time, so the environment is part of the hash.
 */
export async function buildExample(env: Record<string, string>): Promise<{ cached: boolean }> {
	buildPackages();
	const hash = buildHash(env);
	if (existsSync(BUILD_MARKER) && existsSync(join(APP_DIR, ".next/BUILD_ID"))) {
		const marker = JSON.parse(readFileSync(BUILD_MARKER, "utf8")) as { hash?: string };
		if (marker.hash === hash) return { cached: true };
	}
	const child = run(["build"], env);
	const output: string[] = [];
	child.stdout?.on("data", (chunk) => output.push(String(chunk)));
	child.stderr?.on("data", (chunk) => output.push(String(chunk)));
	const code = await new Promise<number | null>((done) => child.once("exit", done));
	if (code !== 0) throw new Error(`next build failed (${code}):\n${output.join("")}`);
	writeFileSync(BUILD_MARKER, `${JSON.stringify({ hash })}\n`);
	return { cached: false };
}

/** A running `next start` of the example. */
export interface ExampleServer {
	url: string;
	output: string[];
	stop(): Promise<void>;
}

/**
 * `next start` (or `next dev`) on a free loopback port with `env`; server-only variables are read
 * at run time, `NEXT_PUBLIC_` ones were inlined by the build (or by dev's compiler).
 */
export async function startExample(
	env: Record<string, string>,
	command: "start" | "dev" = "start",
): Promise<ExampleServer> {
	if (command === "dev") buildPackages();
	const port = await freePort();
	const child = run([command, "--port", String(port), "--hostname", "127.0.0.1"], env);
	const output: string[] = [];
	child.stdout?.on("data", (chunk) => output.push(String(chunk)));
	child.stderr?.on("data", (chunk) => output.push(String(chunk)));
	const url = `http://127.0.0.1:${port}`;
	await eventually(
		async () => {
			if (child.exitCode !== null) throw new Error(`next start exited: ${output.join("")}`);
			const response = await fetch(url);
			if (!response.ok) throw new Error(`GET / answered ${response.status}`);
		},
		// `next dev` compiles the page on its first request: minutes on a loaded two-core machine.
		{
			timeoutMs: command === "dev" ? 300_000 : 60_000,
			intervalMs: 250,
			message: `next ${command} did not answer`,
		},
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
