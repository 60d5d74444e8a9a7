// API keys (docs: API Keys; docs/architecture.md "Identity and trust"), against a real server and
// database: admins create, list and revoke keys; private keys exist only as a hash after the one
// response that shows them; revoked keys are refused on REST and at the WebSocket upgrade, and
// sockets opened with a key close when it is revoked.

import { CloseCodes, DocumentNames, HEADERS } from "@cossistant/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../src/auth/crypto-helpers.ts";
import { KeyUsageRecorder } from "../src/auth/key-usage.ts";
import type { SyncServer } from "../src/server.ts";
import { eventually } from "./support/eventually.ts";
import { RawSocket } from "./support/raw-socket.ts";
import { createAgent, rest } from "./support/rest.ts";
import { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor, loginAgent, startTestServer } from "./support/test-server.ts";

describe.each(testDatabaseTargets())("API keys on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let websiteId: string;
	let adminToken: string;
	const cleanup: Array<() => void> = [];

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
		websiteId = server.demo?.websiteId ?? "";
		adminToken = (await loginAgent(server)).token;
	});

	afterAll(async () => {
		for (const fn of cleanup) fn();
		await server.stop();
		await database.drop();
	});

	async function createKey(kind: "public" | "private", environment: "test" | "live") {
		const response = await rest(server, "POST", `/websites/${websiteId}/api-keys`, {
			token: adminToken,
			body: { name: `${kind} ${environment}`, kind, environment },
		});
		expect(response.status).toBe(201);
		return response.body as { apiKey: { id: string; prefix: string }; key: string };
	}

	async function revoke(apiKeyId: string) {
		return rest(server, "DELETE", `/websites/${websiteId}/api-keys/${apiKeyId}`, {
			token: adminToken,
		});
	}

	it("creates keys of all four formats; a private key's value exists only in that response", async () => {
		const created = {
			pkTest: await createKey("public", "test"),
			pkLive: await createKey("public", "live"),
			skTest: await createKey("private", "test"),
			skLive: await createKey("private", "live"),
		};
		expect(created.pkTest.key).toMatch(/^pk_test_[A-Za-z0-9_-]{32}$/);
		expect(created.pkLive.key).toMatch(/^pk_live_[A-Za-z0-9_-]{32}$/);
		expect(created.skTest.key).toMatch(/^sk_test_[A-Za-z0-9_-]{32}$/);
		expect(created.skLive.key).toMatch(/^sk_live_[A-Za-z0-9_-]{32}$/);
		expect(created.skLive.apiKey.prefix).toBe(created.skLive.key.slice(0, 12));

		const list = await rest(server, "GET", `/websites/${websiteId}/api-keys`, {
			token: adminToken,
		});
		expect(list.status).toBe(200);
		// Public keys are not secret and stay readable; private ones never appear again.
		expect(list.text).toContain(created.pkLive.key);
		expect(list.text).not.toContain(created.skLive.key);
		expect(list.text).not.toContain(created.skTest.key);
		const listed = list.body.apiKeys.find((k: { id: string }) => k.id === created.skLive.apiKey.id);
		expect(listed).toMatchObject({ kind: "private", environment: "live", publicValue: null });
		expect(list.text).not.toContain("keyHash");

		// The database holds the SHA-256 and a display prefix, nothing from which the key returns.
		const row = await database.db.prisma.apiKey.findUniqueOrThrow({
			where: { id: created.skLive.apiKey.id },
		});
		expect(row.keyHash).toBe(sha256Hex(created.skLive.key));
		expect(row.publicValue).toBeNull();
		const everything = JSON.stringify(await database.db.prisma.apiKey.findMany());
		expect(everything).not.toContain(created.skLive.key);
		expect(everything).not.toContain(created.skLive.key.slice(12));
	});

	it("lets backends in with a private key, refuses public keys there, and stamps lastUsedAt", async () => {
		const { key, apiKey } = await createKey("private", "test");
		const visitor = await bootstrapVisitor(server, server.demo?.publicKey ?? "");
		const mutation = {
			target: { type: "visitor", id: visitor.visitor.id },
			operation: "add",
			flags: ["beta"],
		};
		const ok = await rest(server, "PATCH", "/support/feature-flags", {
			token: key,
			body: mutation,
		});
		expect(ok.status).toBe(200);

		const asPublic = await rest(server, "PATCH", "/support/feature-flags", {
			token: server.demo?.publicKey,
			body: mutation,
		});
		expect(asPublic.status).toBe(403);
		expect(asPublic.body.error.code).toBe("private_key_required");
		const missing = await rest(server, "PATCH", "/support/feature-flags", { body: mutation });
		expect(missing.status).toBe(401);
		expect(missing.body.error.code).toBe("unauthorized");
		const forged = await rest(server, "PATCH", "/support/feature-flags", {
			token: `sk_test_${"A".repeat(32)}`,
			body: mutation,
		});
		expect(forged.status).toBe(401);
		expect(forged.body.error.code).toBe("invalid_api_key");

		const stamped = await eventually(async () => {
			const row = await database.db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
			expect(row.lastUsedAt).not.toBeNull();
			return row.lastUsedAt as Date;
		});
		expect(Math.abs(stamped.getTime() - Date.now())).toBeLessThan(60_000);
	});

	it("writes lastUsedAt at most once a minute per key", async () => {
		const { apiKey } = await createKey("public", "test");
		const recorder = new KeyUsageRecorder(database.db);
		const lastUsedAt = async () =>
			(await database.db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt;
		const t0 = Date.parse("2030-01-01T00:00:00.000Z");

		recorder.touch(apiKey.id, null, t0);
		await eventually(async () => expect((await lastUsedAt())?.getTime()).toBe(t0));
		// Within the minute: neither the in-memory stamp nor the stored one lets it write again.
		recorder.touch(apiKey.id, new Date(t0), t0 + 30_000);
		new KeyUsageRecorder(database.db).touch(apiKey.id, new Date(t0), t0 + 59_000);
		recorder.touch(apiKey.id, new Date(t0), t0 + 61_000);
		await eventually(async () => expect((await lastUsedAt())?.getTime()).toBe(t0 + 61_000));
	});

	it("revokes a key: refused on REST and at the WebSocket upgrade, open sockets closed", async () => {
		const { key, apiKey } = await createKey("public", "test");
		const visitor = await bootstrapVisitor(server, key);
		const client = new TestClient({
			wsUrl: server.wsUrl,
			token: visitor.visitorToken,
			principal: `visitor:${visitor.visitor.id}`,
			publicKey: key,
		});
		cleanup.push(() => client.destroy());
		await client.openSynced(DocumentNames.visitor(visitor.visitor.id));

		const revoked = await revoke(apiKey.id);
		expect(revoked.status).toBe(200);
		expect(revoked.body.apiKey.revokedAt).not.toBeNull();

		await eventually(() =>
			expect(client.closeEvents[0]).toEqual({
				code: CloseCodes.Unauthorized,
				reason: "invalid_api_key",
			}),
		);
		const rejected = await rest(server, "GET", "/websites", {
			headers: { [HEADERS.publicKey]: key, [HEADERS.visitorToken]: visitor.visitorToken },
		});
		expect(rejected.status).toBe(401);
		expect(rejected.body.error.code).toBe("invalid_api_key");
		const socket = new RawSocket(server.wsUrl, { publicKey: key });
		cleanup.push(() => socket.close());
		expect(await socket.waitForClose()).toEqual({
			code: CloseCodes.Unauthorized,
			reason: "invalid_api_key",
		});

		// Revoking again keeps the first revocation time.
		const again = await revoke(apiKey.id);
		expect(again.body.apiKey.revokedAt).toBe(revoked.body.apiKey.revokedAt);
	});

	it("refuses a revoked private key", async () => {
		const { key, apiKey } = await createKey("private", "live");
		await revoke(apiKey.id);
		const response = await rest(server, "PATCH", "/support/feature-flags", {
			token: key,
			body: { target: { type: "visitor", id: "whoever-123" }, operation: "add", flags: ["x"] },
		});
		expect(response.status).toBe(401);
		expect(response.body.error.code).toBe("invalid_api_key");
	});

	it("lets only admins of the website manage keys", async () => {
		const agent = await createAgent(server, adminToken, websiteId, "agent");
		const path = `/websites/${websiteId}/api-keys`;
		const asAgent = await rest(server, "GET", path, { token: agent.token });
		expect(asAgent.status).toBe(403);
		expect(asAgent.body.error.code).toBe("forbidden");
		const create = await rest(server, "POST", path, {
			token: agent.token,
			body: { name: "sneaky", kind: "private", environment: "live" },
		});
		expect(create.status).toBe(403);

		// An admin of another website does not even learn that this one exists.
		const other = await database.db.prisma.website.create({
			data: { id: "other-site-1234", name: "Other", allowedOrigins: [], identitySecret: "s" },
		});
		const foreign = await rest(server, "GET", `/websites/${other.id}/api-keys`, {
			token: adminToken,
		});
		expect(foreign.status).toBe(404);
		expect((await rest(server, "GET", path)).status).toBe(401);
		const keys = await database.db.prisma.apiKey.count({ where: { name: "sneaky" } });
		expect(keys).toBe(0);
	});

	it("validates the request body", async () => {
		const response = await rest(server, "POST", `/websites/${websiteId}/api-keys`, {
			token: adminToken,
			body: { name: "", kind: "secret", environment: "prod", extra: true },
		});
		expect(response.status).toBe(400);
		expect(response.body.error.code).toBe("validation_failed");
		const paths = response.body.error.details.map((d: { path: string }) => d.path);
		expect(paths).toEqual(expect.arrayContaining(["name", "kind", "environment"]));
	});
});
