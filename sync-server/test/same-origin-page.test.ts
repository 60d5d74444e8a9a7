// A page served by the sync-server's own origin (the /demo/ page, or a site proxying the API
// under its domain) calls GET /v1/websites without an Origin header: browsers omit it on
// same-origin GETs and send `Sec-Fetch-Site: same-origin` instead. The key's origin check then
// uses the request's own origin, and still refuses what it refused before.
import { HEADERS } from "@cossistant/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import { rest } from "./support/rest.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { loginAgent, startTestServer } from "./support/test-server.ts";

describe.each(testDatabaseTargets())("a same-origin page's public key on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let liveKey: string;

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
		const websiteId = server.demo?.websiteId ?? "";
		const token = (await loginAgent(server)).token;
		// A live key (no loopback exception) whose website allows the server's own origin.
		const patched = await rest(server, "PATCH", `/websites/${websiteId}/settings`, {
			token,
			body: { allowedOrigins: [server.url] },
		});
		expect(patched.status).toBe(200);
		const created = await rest(server, "POST", `/websites/${websiteId}/api-keys`, {
			token,
			body: { name: "live", kind: "public", environment: "live" },
		});
		liveKey = created.body.key as string;
	});
	afterAll(async () => {
		await server.stop();
		await database.drop();
	});

	const bootstrap = (headers: Record<string, string>) =>
		rest(server, "GET", "/websites", { headers: { [HEADERS.publicKey]: liveKey, ...headers } });

	it("accepts a same-origin browser request without Origin when the server's origin is allowed", async () => {
		const response = await bootstrap({ "sec-fetch-site": "same-origin" });
		expect(response.status).toBe(200);
		expect(response.body.visitor).toBeTruthy();
	});

	it("refuses a missing Origin otherwise, and a stated Origin still decides", async () => {
		expect((await bootstrap({})).status).toBe(403);
		expect((await bootstrap({ "sec-fetch-site": "cross-site" })).status).toBe(403);
		expect((await bootstrap({ "sec-fetch-site": "same-site" })).status).toBe(403);
		const evil = await bootstrap({
			"sec-fetch-site": "same-origin",
			origin: "https://evil.example",
		});
		expect(evil.status).toBe(403);
		expect(evil.body.error.code).toBe("origin_not_allowed");
	});
});
