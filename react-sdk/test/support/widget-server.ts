import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { eventually } from "../../../sync-server/test/support/eventually.ts";
import { type DemoFile, freePort } from "../../../sync-server/test/support/server-process.ts";

const REPO_ROOT = resolve(import.meta.dirname, "../../..");

/** A running sync-server for widget tests, with the demo website's credentials. */
export interface WidgetServer {
	demo: DemoFile;
	stop(): Promise<void>;
}

/**
 * Starts the real sync-server (PGlite in a temporary directory) in a child process.
 *
 * Widget tests run in a DOM environment whose globals (`URL`, `fetch`) are happy-dom's, which
 * server code must not see; a separate process keeps the server in plain Node. The health check
 * uses `node:http` because happy-dom's `fetch` applies CORS, which `/healthz` does not answer.
 */
export async function startWidgetServer(): Promise<WidgetServer> {
	const dataDir = mkdtempSync(join(tmpdir(), "cossistant-widget-"));
	const port = await freePort();
	const output: string[] = [];
	const child: ChildProcess = spawn(
		process.execPath,
		["--conditions=@cossistant/source", "--import", "tsx", "sync-server/src/main.ts"],
		{
			cwd: REPO_ROOT,
			env: {
				...process.env,
				DATABASE_URL: "",
				DATA_DIR: dataDir,
				LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "warn",
				PORT: String(port),
				HOST: "127.0.0.1",
			},
			stdio: ["ignore", "pipe", "pipe"],
		},
	);
	child.stdout?.on("data", (chunk) => output.push(String(chunk)));
	child.stderr?.on("data", (chunk) => output.push(String(chunk)));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			await new Promise((done) => {
				child.once("exit", done);
				child.kill("SIGTERM");
			});
		}
		rmSync(dataDir, { recursive: true, force: true });
	};
	try {
		await eventually(
			async () => {
				if (child.exitCode !== null)
					throw new Error(`server exited with ${child.exitCode}: ${output.join("")}`);
				await healthy(`http://127.0.0.1:${port}/healthz`);
			},
			{ timeoutMs: 90_000, intervalMs: 100, message: "sync-server did not become healthy" },
		);
	} catch (error) {
		await stop();
		throw error;
	}
	const demo = JSON.parse(readFileSync(join(dataDir, "demo.json"), "utf8")) as DemoFile;
	return { demo, stop };
}

function healthy(url: string): Promise<void> {
	return new Promise((done, fail) => {
		const request = get(url, (response) => {
			response.resume();
			if (response.statusCode === 200) done();
			else fail(new Error(`healthz ${response.statusCode}`));
		});
		request.on("error", fail);
	});
}
