import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { eventually } from "./eventually.ts";

const REPO_ROOT = resolve(import.meta.dirname, "../../..");

/** A free TCP port on loopback (so a restarted server can come back on the same one). */
export function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const probe = createServer();
		probe.once("error", reject);
		probe.listen(0, "127.0.0.1", () => {
			const address = probe.address();
			probe.close(() => resolvePort(typeof address === "object" && address ? address.port : 0));
		});
	});
}

export interface DemoFile {
	apiUrl: string;
	wsUrl: string;
	publicKey: string;
	agentEmail: string;
	agentPassword: string;
	/** The demo host page (`…/demo/`), null without an embed build. */
	demoUrl?: string | null;
}

/**
 * The real sync-server as `npm start` runs it, in a child process on a fixed port, so tests can
 * SIGKILL and restart it.
 */
export class ServerProcess {
	private child: ChildProcess | null = null;
	readonly output: string[] = [];

	constructor(
		readonly port: number,
		private readonly env: Record<string, string>,
	) {}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** The child's process id (undefined before `start`). */
	get pid(): number | undefined {
		return this.child?.pid;
	}

	/** Starts the process and waits until `/healthz` answers. */
	async start(): Promise<void> {
		const child = this.launch();
		await eventually(
			async () => {
				if (child.exitCode !== null)
					throw new Error(`server exited with ${child.exitCode}: ${this.output.join("")}`);
				const response = await fetch(`${this.url}/healthz`);
				if (!response.ok) throw new Error(`healthz ${response.status}`);
			},
			{ timeoutMs: 60_000, intervalMs: 100, message: "server process did not become healthy" },
		);
	}

	/** Starts a process that is expected to stop by itself; resolves with its exit code. */
	runToExit(): Promise<number | null> {
		const child = this.launch();
		return new Promise((resolveExit) => child.once("exit", (code) => resolveExit(code)));
	}

	private launch(): ChildProcess {
		const child = spawn(
			process.execPath,
			["--conditions=@cossistant/source", "--import", "tsx", "sync-server/src/main.ts"],
			{
				cwd: REPO_ROOT,
				// DATABASE_URL is passed explicitly: an inherited one would silently swap PGlite for it.
				env: {
					...process.env,
					DATABASE_URL: "",
					LOG_LEVEL: "warn",
					PORT: String(this.port),
					HOST: "127.0.0.1",
					...this.env,
				},
				stdio: ["ignore", "pipe", "pipe"],
			},
		);
		child.stdout?.on("data", (chunk) => this.output.push(String(chunk)));
		child.stderr?.on("data", (chunk) => this.output.push(String(chunk)));
		this.child = child;
		return child;
	}

	demo(): DemoFile {
		const dataDir = this.env.DATA_DIR;
		if (!dataDir) throw new Error("DATA_DIR not set");
		return JSON.parse(readFileSync(join(dataDir, "demo.json"), "utf8")) as DemoFile;
	}

	/** Kills the process without any chance to clean up (a crash). */
	async kill(): Promise<void> {
		await this.signal("SIGKILL");
	}

	/** Asks for a graceful stop and waits for the exit code. */
	async terminate(): Promise<number | null> {
		return this.signal("SIGTERM");
	}

	private signal(signal: NodeJS.Signals): Promise<number | null> {
		const child = this.child;
		if (!child || child.exitCode !== null || child.signalCode !== null)
			return Promise.resolve(child?.exitCode ?? null);
		return new Promise((resolveExit) => {
			child.once("exit", (code) => resolveExit(code));
			child.kill(signal);
		});
	}
}
