// The sync-server serves the built dashboard under /dashboard/: SPA fallback, immutable hashed
// assets, no-cache shell and service worker, and /v1 untouched.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { startTestServer } from "./support/test-server.ts";

const INDEX =
	'<!doctype html><html><head><title>Dashboard shell</title></head><body><div id="root"></div></body></html>';

describe.each(testDatabaseTargets())(
	"the dashboard served by the sync-server on $name",
	(target) => {
		let database: TestDatabase;
		let server: SyncServer;
		let withoutBuild: SyncServer;
		let directory: string;

		beforeAll(async () => {
			directory = mkdtempSync(join(tmpdir(), "cossistant-dashboard-"));
			mkdirSync(join(directory, "assets"));
			writeFileSync(join(directory, "index.html"), INDEX);
			writeFileSync(join(directory, "sw.js"), "self.addEventListener('fetch', () => {});");
			writeFileSync(join(directory, "manifest.webmanifest"), '{"name":"Cossistant"}');
			writeFileSync(join(directory, "assets", "index-AbC123.js"), "console.log('app');");
			database = await target.create();
			server = await startTestServer(database.db, { DASHBOARD_DIR: directory });
			withoutBuild = await startTestServer(database.db, {
				DASHBOARD_DIR: join(directory, "does-not-exist"),
			});
		});
		afterAll(async () => {
			await server.stop();
			await withoutBuild.stop();
			await database.drop();
			rmSync(directory, { recursive: true, force: true });
		});

		const get = (base: SyncServer, path: string) =>
			fetch(`${base.url}${path}`, { redirect: "manual", headers: { accept: "text/html" } });

		it("answers the app shell at /dashboard/ and on client routes, never cached", async () => {
			for (const path of [
				"/dashboard/",
				"/dashboard/conversations/abc123",
				"/dashboard/settings",
			]) {
				const response = await get(server, path);
				expect(response.status, path).toBe(200);
				expect(response.headers.get("content-type")).toMatch(/^text\/html/);
				expect(response.headers.get("cache-control")).toBe("no-cache");
				expect(response.headers.get("x-frame-options")).toBe("DENY");
				expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
				expect(await response.text()).toBe(INDEX);
			}
			const redirect = await get(server, "/dashboard");
			expect(redirect.status).toBe(301);
			expect(redirect.headers.get("location")).toBe("/dashboard/");
			expect(server.dashboardUrl).toBe(`${server.url}/dashboard/`);
		});

		it("caches hashed assets for a year, and the service worker and manifest not at all", async () => {
			const asset = await get(server, "/dashboard/assets/index-AbC123.js");
			expect(asset.status).toBe(200);
			expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
			expect(asset.headers.get("content-type")).toMatch(/javascript/);
			for (const path of ["/dashboard/sw.js", "/dashboard/manifest.webmanifest"]) {
				const response = await get(server, path);
				expect(response.status, path).toBe(200);
				expect(response.headers.get("cache-control"), path).toBe("no-cache");
			}
			// A missing file is a 404, not the HTML shell (a stale asset URL must not parse HTML as JS).
			const missing = await get(server, "/dashboard/assets/index-Gone99.js");
			expect(missing.status).toBe(404);
			expect(missing.headers.get("content-type")).toMatch(/json/);
		});

		it("leaves /v1 untouched, and runs without a dashboard build", async () => {
			const setup = await get(server, "/v1/setup");
			expect(setup.status).toBe(200);
			expect(setup.headers.get("cache-control")).toBe("no-store");
			expect(await setup.json()).toEqual({ needsSetup: false });
			const unknownApi = await get(server, "/v1/dashboard/");
			expect(unknownApi.status).toBe(404);
			expect((await get(withoutBuild, "/dashboard/")).status).toBe(404);
			expect((await get(withoutBuild, "/v1/setup")).status).toBe(200);
		});
	},
);
