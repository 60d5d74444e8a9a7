// A website's settings through the REST API: allowed origins (validated, normalised and
// enforced on the next request), identity verification, the identity secret, which is
// readable only in the response that rotates it, and the typical reply time the widget shows.

import { HEADERS } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import { createAgent, rest } from "./support/rest.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { loginAgent, startTestServer } from "./support/test-server.ts";

describe.each(testDatabaseTargets())("website settings on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let websiteId: string;
	let adminToken: string;
	let agentToken: string;
	let settingsPath: string;

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
		websiteId = server.demo?.websiteId ?? "";
		adminToken = (await loginAgent(server)).token;
		agentToken = (await createAgent(server, adminToken, websiteId, "agent")).token;
		settingsPath = `/websites/${websiteId}/settings`;
	});

	afterAll(async () => {
		await server.stop();
		await database.drop();
	});

	/** A live public key of the demo website (live keys get no localhost exception). */
	async function liveKey(): Promise<string> {
		const created = await rest(server, "POST", `/websites/${websiteId}/api-keys`, {
			token: adminToken,
			body: { name: "live", kind: "public", environment: "live" },
		});
		return created.body.key as string;
	}

	function bootstrapFrom(origin: string, key: string) {
		return rest(server, "GET", "/websites", { headers: { [HEADERS.publicKey]: key, origin } });
	}

	it("lets agents read the settings, never the identity secret", async () => {
		const response = await rest(server, "GET", settingsPath, { token: agentToken });
		expect(response.status).toBe(200);
		expect(response.body).toEqual({
			id: websiteId,
			name: "Demo website",
			allowedOrigins: ["http://localhost:3000", "http://localhost:5173"],
			identityVerificationRequired: false,
			replyTimeMinutes: 15,
		});
		const { identitySecret } = await database.db.prisma.website.findUniqueOrThrow({
			where: { id: websiteId },
		});
		expect(response.text).not.toContain(identitySecret);
	});

	it("stores normalised origins and enforces them on the next request", async () => {
		const key = await liveKey();
		expect((await bootstrapFrom("https://shop.example.com", key)).status).toBe(403);

		const patched = await rest(server, "PATCH", settingsPath, {
			token: adminToken,
			body: {
				allowedOrigins: [
					" HTTPS://Shop.Example.com/ ",
					"https://*.example.org",
					"https://shop.example.com",
					"http://localhost:3000",
				],
			},
		});
		expect(patched.status).toBe(200);
		expect(patched.body.allowedOrigins).toEqual([
			"https://shop.example.com",
			"https://*.example.org",
			"http://localhost:3000",
		]);

		expect((await bootstrapFrom("https://shop.example.com", key)).status).toBe(200);
		expect((await bootstrapFrom("https://eu.app.example.org", key)).status).toBe(200);
		// The protocol must match, and a wildcard covers subdomains, not the domain itself.
		const insecure = await bootstrapFrom("http://shop.example.com", key);
		expect(insecure.status).toBe(403);
		expect(insecure.body.error.code).toBe("origin_not_allowed");
		expect((await bootstrapFrom("https://example.org", key)).status).toBe(403);
	});

	it("rejects malformed origins with the index of each, and changes nothing", async () => {
		const before = await rest(server, "GET", settingsPath, { token: adminToken });
		const response = await rest(server, "PATCH", settingsPath, {
			token: adminToken,
			body: {
				allowedOrigins: [
					"example.com",
					"https://example.com/path",
					"https://*.com",
					"ftp://files.example.com",
					"https://user@example.com",
					"https://example.com:99999",
					"https://ok.example.com",
				],
			},
		});
		expect(response.status).toBe(400);
		expect(response.body.error.code).toBe("validation_failed");
		const paths = new Set(response.body.error.details.map((d: { path: string }) => d.path));
		expect([...paths].sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `allowedOrigins.${i}`));
		const after = await rest(server, "GET", settingsPath, { token: adminToken });
		expect(after.body).toEqual(before.body);

		const unknownField = await rest(server, "PATCH", settingsPath, {
			token: adminToken,
			body: { identitySecret: "mine-now" },
		});
		expect(unknownField.status).toBe(400);
	});

	it("lets only admins change settings", async () => {
		const response = await rest(server, "PATCH", settingsPath, {
			token: agentToken,
			body: { allowedOrigins: ["https://evil.example"], identityVerificationRequired: true },
		});
		expect(response.status).toBe(403);
		expect(response.body.error.code).toBe("forbidden");
		const website = await database.db.prisma.website.findUniqueOrThrow({
			where: { id: websiteId },
		});
		expect(website.allowedOrigins).not.toContain("https://evil.example");
		expect(website.identityVerificationRequired).toBe(false);

		const rotate = await rest(server, "POST", `${settingsPath}/identity-secret`, {
			token: agentToken,
		});
		expect(rotate.status).toBe(403);
	});

	it("toggles identity verification", async () => {
		const on = await rest(server, "PATCH", settingsPath, {
			token: adminToken,
			body: { identityVerificationRequired: true },
		});
		expect(on.body.identityVerificationRequired).toBe(true);
		const website = await database.db.prisma.website.findUniqueOrThrow({
			where: { id: websiteId },
		});
		expect(website.identityVerificationRequired).toBe(true);
		await rest(server, "PATCH", settingsPath, {
			token: adminToken,
			body: { identityVerificationRequired: false },
		});
	});

	it("sets the typical reply time, which the widget's bootstrap carries at once, and clears it", async () => {
		const key = await liveKey();
		await rest(server, "PATCH", settingsPath, {
			token: adminToken,
			body: { allowedOrigins: ["https://shop.example.com"] },
		});
		const before = await bootstrapFrom("https://shop.example.com", key);
		// The demo website's own value (its seed sets one).
		expect(before.body.website.replyTimeMinutes).toBe(15);

		const set = await rest(server, "PATCH", settingsPath, {
			token: adminToken,
			body: { replyTimeMinutes: 90 },
		});
		expect(set.status).toBe(200);
		expect(set.body.replyTimeMinutes).toBe(90);
		// The public face is cached; an admin's write forgets it, so visitors see the change now.
		const after = await bootstrapFrom("https://shop.example.com", key);
		expect(after.body.website.replyTimeMinutes).toBe(90);

		for (const invalid of [0, -5, 1.5, 7 * 24 * 60 + 1, "soon"]) {
			const refused = await rest(server, "PATCH", settingsPath, {
				token: adminToken,
				body: { replyTimeMinutes: invalid },
			});
			expect(refused.status, `replyTimeMinutes: ${invalid}`).toBe(400);
		}
		const byAgent = await rest(server, "PATCH", settingsPath, {
			token: agentToken,
			body: { replyTimeMinutes: 5 },
		});
		expect(byAgent.status).toBe(403);

		const cleared = await rest(server, "PATCH", settingsPath, {
			token: adminToken,
			body: { replyTimeMinutes: null },
		});
		expect(cleared.body.replyTimeMinutes).toBeNull();
		expect(
			(await bootstrapFrom("https://shop.example.com", key)).body.website.replyTimeMinutes,
		).toBeNull();
	});

	it("rotates the identity secret and shows the new one only in that response", async () => {
		const before = await database.db.prisma.website.findUniqueOrThrow({ where: { id: websiteId } });
		const rotated = await rest(server, "POST", `${settingsPath}/identity-secret`, {
			token: adminToken,
		});
		expect(rotated.status).toBe(200);
		const secret = rotated.body.identitySecret as string;
		expect(secret.length).toBeGreaterThanOrEqual(40);
		expect(secret).not.toBe(before.identitySecret);
		const after = await database.db.prisma.website.findUniqueOrThrow({ where: { id: websiteId } });
		expect(after.identitySecret).toBe(secret);

		const read = await rest(server, "GET", settingsPath, { token: adminToken });
		expect(read.text).not.toContain(secret);
		const again = await rest(server, "POST", `${settingsPath}/identity-secret`, {
			token: adminToken,
		});
		expect(again.body.identitySecret).not.toBe(secret);
	});

	it("answers 404 for a website the agent is not a member of", async () => {
		const response = await rest(server, "GET", `/websites/${uuidv7()}/settings`, {
			token: adminToken,
		});
		expect(response.status).toBe(404);
		expect(response.body.error.code).toBe("not_found");
	});
});
