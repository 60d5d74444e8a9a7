import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { eventually } from "./eventually.ts";

const SERVER_PACKAGE = resolve(import.meta.dirname, "../..");

/** What a finished child process printed, and how it ended. */
export interface RunResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/**
 * The environment of every child: this Node (22, from the repository's `node` package) first on
 * PATH, so `npx` and the `#!/usr/bin/env node` of the bin run on it; without the variables npm
 * sets for the running script, which would point the child npm at this repository.
 */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value === undefined || /^npm_(package|lifecycle|config_workspace)/i.test(key)) continue;
		env[key] = value;
	}
	env.PATH = `${dirname(process.execPath)}:${env.PATH ?? ""}`;
	return { ...env, ...extra };
}

/** Runs a command to its end (killing it after `timeoutMs`). */
export function run(
	command: string,
	args: string[],
	options: { cwd: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<RunResult> {
	return new Promise((resolveRun, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? childEnv(),
			stdio: ["ignore", "pipe", "pipe"],
		});
		let stdout = "";
		let stderr = "";
		child.stdout.on("data", (chunk) => {
			stdout += chunk;
		});
		child.stderr.on("data", (chunk) => {
			stderr += chunk;
		});
		const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
		child.once("error", reject);
		child.once("close", (code) => {
			clearTimeout(timer);
			resolveRun({ code, stdout, stderr });
		});
	});
}

/** Like {@link run}, but a non-zero exit is an error carrying the output. */
export async function runOk(
	command: string,
	args: string[],
	options: { cwd: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<RunResult> {
	const result = await run(command, args, options);
	if (result.code !== 0) {
		throw new Error(
			`${command} ${args.join(" ")} exited with ${result.code}\n${result.stdout}\n${result.stderr}`,
		);
	}
	return result;
}

/**
 * Packs `@cossistant/sync-server` as a publish would (`npm pack` runs `prepack`, the build) and
 * installs the tarball into `appDir`, an empty project outside the repository, from the npm
 * registry (preferring npm's cache, where the repository's install left every dependency).
 * @returns the tarball's path.
 */
export async function packAndInstall(workDir: string, appDir: string): Promise<string> {
	await runOk("npm", ["pack", "--pack-destination", workDir, "--loglevel=error"], {
		cwd: SERVER_PACKAGE,
		timeoutMs: 240_000,
	});
	const tarball = readdirSync(workDir).find((name) => name.endsWith(".tgz"));
	if (!tarball) throw new Error(`npm pack left no tarball in ${workDir}`);
	mkdirSync(appDir, { recursive: true });
	writeFileSync(join(appDir, "package.json"), '{ "name": "self-hosted", "private": true }\n');
	await runOk(
		"npm",
		[
			"install",
			join(workDir, tarball),
			"--no-audit",
			"--no-fund",
			"--prefer-offline",
			"--loglevel=error",
		],
		{ cwd: appDir, timeoutMs: 240_000 },
	);
	return join(workDir, tarball);
}

/**
 * `cossistant-server start` in the background, until {@link stop}. It runs the installed bin
 * (`node_modules/.bin/cossistant-server`, what `npx cossistant-server` resolves to) directly, so
 * the test sees the server's own exit code: npx ends by the signal it passes on.
 */
export class PackedServer {
	private child: ChildProcess | null = null;
	private output = "";

	constructor(
		private readonly appDir: string,
		readonly port: number,
		private readonly env: Record<string, string>,
	) {}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** What the server printed so far (for failure messages). */
	get log(): string {
		return this.output;
	}

	/** Starts it and waits for `/healthz` to answer 200. */
	async start(): Promise<void> {
		const child = spawn(join(this.appDir, "node_modules", ".bin", "cossistant-server"), ["start"], {
			cwd: this.appDir,
			env: childEnv({ ...this.env, PORT: String(this.port), HOST: "127.0.0.1" }),
			stdio: ["ignore", "pipe", "pipe"],
		});
		child.stdout?.on("data", (chunk) => {
			this.output += chunk;
		});
		child.stderr?.on("data", (chunk) => {
			this.output += chunk;
		});
		this.child = child;
		await eventually(
			async () => {
				if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
				const response = await fetch(`${this.url}/healthz`);
				if (response.status !== 200) throw new Error(`healthz answered ${response.status}`);
			},
			{ timeoutMs: 120_000, intervalMs: 250, message: "the packed server did not start" },
		).catch((error: unknown) => {
			child.kill("SIGKILL");
			throw new Error(`${(error as Error).message}\n${this.output}`);
		});
	}

	/** Graceful stop (SIGTERM); resolves with the exit code (0 when it stopped cleanly). */
	async stop(): Promise<number | null> {
		const child = this.child;
		if (!child || child.exitCode !== null) return child?.exitCode ?? null;
		const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
		child.kill("SIGTERM");
		const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
		const code = await exited;
		clearTimeout(timer);
		return code;
	}
}
