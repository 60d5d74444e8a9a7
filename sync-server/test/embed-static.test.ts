// The sync-server serves the script-tag embed under /widget/<version>/ (immutable) and
// /widget/latest/ (short cache), to any origin, and the demo host page under /demo/ with the demo
// key written into its script tag.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { startTestServer } from "./support/test-server.ts";

const LOADER = "(()=>{window.loaded=1})();";

describe.each(testDatabaseTargets())(
	"the widget embed served by the sync-server on $name",
	(target) => {
		let database: TestDatabase;
		let server: SyncServer;
		let withoutDemo: SyncServer;
		let withoutBuild: SyncServer;
		let directory: string;

		beforeAll(async () => {
			directory = mkdtempSync(join(tmpdir(), "cossistant-embed-"));
			writeFileSync(join(directory, "version.json"), '{"version":"1.2.3"}');
			writeFileSync(join(directory, "loader.js"), LOADER);
			writeFileSync(join(directory, "widget.js"), "export const mount = () => {};");
			writeFileSync(join(directory, "widget.css"), ".cossistant{color:red}");
			writeFileSync(join(directory, ".build-stamp"), "now");
			database = await target.create();
			server = await startTestServer(database.db, { EMBED_DIR: directory });
			withoutDemo = await startTestServer(database.db, {
				EMBED_DIR: directory,
				SEED_DEMO: "false",
			});
			withoutBuild = await startTestServer(database.db, {
				EMBED_DIR: join(directory, "does-not-exist"),
			});
		});
		afterAll(async () => {
			await server.stop();
			await withoutDemo.stop();
			await withoutBuild.stop();
			await database.drop();
			rmSync(directory, { recursive: true, force: true });
		});

		const get = (base: SyncServer, path: string, headers: Record<string, string> = {}) =>
			fetch(`${base.url}${path}`, { redirect: "manual", headers });

		it("serves the versioned files immutable, to any origin, never sniffed", async () => {
			const cases = [
				["/widget/1.2.3/loader.js", /^text\/javascript/, LOADER],
				["/widget/1.2.3/widget.js", /^text\/javascript/, "export const mount = () => {};"],
				["/widget/1.2.3/widget.css", /^text\/css/, ".cossistant{color:red}"],
			] as const;
			for (const [path, type, body] of cases) {
				const response = await get(server, path, { origin: "https://shop.example.com" });
				expect(response.status, path).toBe(200);
				expect(response.headers.get("content-type"), path).toMatch(type);
				expect(response.headers.get("cache-control"), path).toBe(
					"public, max-age=31536000, immutable",
				);
				expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
				expect(response.headers.get("access-control-allow-origin"), path).toBe("*");
				expect(response.headers.get("cross-origin-resource-policy"), path).toBe("cross-origin");
				expect(await response.text(), path).toBe(body);
			}
			expect(server.widgetLoaderUrl).toBe(`${server.url}/widget/latest/loader.js`);
		});

		it("serves latest with a short cache; other versions, dotfiles and directories are 404s", async () => {
			const latest = await get(server, "/widget/latest/loader.js");
			expect(latest.status).toBe(200);
			expect(latest.headers.get("cache-control")).toBe("public, max-age=300");
			expect(latest.headers.get("access-control-allow-origin")).toBe("*");
			expect(await latest.text()).toBe(LOADER);
			for (const path of [
				"/widget/1.2.2/loader.js",
				"/widget/latest/.build-stamp",
				"/widget/latest/",
				"/widget/1.2.3/missing.js",
				"/widget/loader.js",
			]) {
				const response = await get(server, path);
				expect(response.status, path).toBe(404);
				expect(response.headers.get("content-type"), path).toMatch(/json/);
			}
		});

		it("serves the demo page with the demo key in its script tag, only when the demo is seeded", async () => {
			const demo = server.demo;
			if (!demo) throw new Error("the demo is not seeded");
			expect(server.demoUrl).toBe(`${server.url}/demo/`);
			const page = await get(server, "/demo/");
			expect(page.status).toBe(200);
			expect(page.headers.get("content-type")).toMatch(/^text\/html/);
			expect(page.headers.get("cache-control")).toBe("no-store");
			expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
			const html = await page.text();
			expect(html).toContain(
				`<script async src="/widget/latest/loader.js" data-public-key="${demo.publicKey}"></script>`,
			);
			expect(html).not.toMatch(/\{\{\w+\}\}/);
			const redirect = await get(server, "/demo");
			expect(redirect.status).toBe(301);
			expect(redirect.headers.get("location")).toBe("/demo/");

			expect(withoutDemo.demo).toBeNull();
			expect(withoutDemo.demoUrl).toBeNull();
			expect((await get(withoutDemo, "/demo/")).status).toBe(404);
			expect((await get(withoutDemo, "/widget/1.2.3/loader.js")).status).toBe(200);
		});

		it("runs without an embed build: no /widget/, no demo page, the API as usual", async () => {
			expect(withoutBuild.widgetLoaderUrl).toBeNull();
			expect(withoutBuild.demoUrl).toBeNull();
			expect((await get(withoutBuild, "/widget/latest/loader.js")).status).toBe(404);
			expect((await get(withoutBuild, "/demo/")).status).toBe(404);
			expect((await get(withoutBuild, "/v1/setup")).status).toBe(200);
		});
	},
);
