import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirInUseError } from "../src/persistence/data-dir-lock.ts";
import { openDatabase } from "../src/persistence/database.ts";
import { freePort, ServerProcess } from "./support/server-process.ts";
import { bootstrapVisitor } from "./support/test-server.ts";

// PGlite takes no lock on its data directory, and two processes writing one directory leave it
// unreadable. The server holds `<dir>.lock` with its process id: a second process is refused with
// a message naming the first, and a crashed server's lock is taken over by the next start.

describe("one process per PGlite data directory", () => {
	const cleanups: Array<() => Promise<unknown> | unknown> = [];
	afterAll(async () => {
		for (const cleanup of cleanups.reverse()) await cleanup();
	});

	function tempDataDir(): string {
		const dir = mkdtempSync(join(tmpdir(), "cossistant-lock-"));
		cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
		return dir;
	}

	it("a second server on the same DATA_DIR stops with a message naming the first, which keeps serving", async () => {
		const dataDir = tempDataDir();
		const first = new ServerProcess(await freePort(), { DATA_DIR: dataDir });
		cleanups.push(() => first.terminate());
		await first.start();

		const second = new ServerProcess(await freePort(), { DATA_DIR: dataDir });
		cleanups.push(() => second.kill());
		expect(await second.runToExit()).toBe(1);
		const output = second.output.join("");
		expect(output).toContain(`is in use by process ${first.pid}`);
		expect(output).toContain("DATABASE_URL");

		const health = await fetch(`${first.url}/healthz`);
		expect(health.status).toBe(200);
		const visitor = await bootstrapVisitor({ apiUrl: `${first.url}/v1` }, first.demo().publicKey);
		expect(visitor.visitor.id).toBeTruthy();
	});

	it("the lock of a killed server is taken over by the next start; a stopped server leaves none", async () => {
		const dataDir = tempDataDir();
		const port = await freePort();
		const crashed = new ServerProcess(port, { DATA_DIR: dataDir });
		await crashed.start();
		await crashed.kill();

		const next = new ServerProcess(port, { DATA_DIR: dataDir });
		cleanups.push(() => next.kill());
		await next.start();
		expect(await next.terminate()).toBe(0);

		const again = new ServerProcess(port, { DATA_DIR: dataDir });
		cleanups.push(() => again.kill());
		await again.start();
		expect(await again.terminate()).toBe(0);
	});

	it("in one process, a second open of the directory is refused until the first is closed", async () => {
		const dataDir = join(tempDataDir(), "pglite");
		const db = await openDatabase({ kind: "pglite", dataDir });
		await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toBeInstanceOf(
			DataDirInUseError,
		);
		await db.close();
		const reopened = await openDatabase({ kind: "pglite", dataDir });
		await reopened.close();
	});
});
