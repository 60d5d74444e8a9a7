import { LIMITS } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import { eventually } from "./support/eventually.ts";
import { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor, startTestServer } from "./support/test-server.ts";

// One database is enough: the cap is enforced in memory, before anything is written.
const [pglite] = testDatabaseTargets();

describe("the outbox size cap", () => {
	let database: TestDatabase;
	let server: SyncServer;
	const clients: TestClient[] = [];

	beforeAll(async () => {
		database = await (pglite as NonNullable<typeof pglite>).create();
		server = await startTestServer(database.db, { COMMAND_RATE_LIMIT: "100000" });
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		await server.stop();
		await database.drop();
	});

	async function visitor() {
		const boot = await bootstrapVisitor(server, server.demo?.publicKey ?? "");
		const client = new TestClient({
			wsUrl: server.wsUrl,
			token: boot.visitorToken,
			principal: `visitor:${boot.visitor.id}`,
			publicKey: server.demo?.publicKey,
		});
		clients.push(client);
		return client;
	}

	it("closes the socket of a client that stuffs its outbox past the cap, and keeps serving others", async () => {
		const flooder = await visitor();
		const filler = "x".repeat(60_000);
		const needed = Math.ceil(LIMITS.maxOutboxBytes / 60_000) + 5;
		for (let i = 0; i < needed; i++) flooder.send({ id: uuidv7(), type: "junk", filler });
		await eventually(
			() =>
				expect(flooder.closeEvents.map((e) => [e.code, e.reason])).toContainEqual([
					4413,
					"outbox_too_large",
				]),
			{
				timeoutMs: 20_000,
			},
		);

		const honest = await visitor();
		const start = uuidv7();
		honest.send({ id: start, type: "conversation.start", conversationId: uuidv7() });
		expect(await honest.result(start)).toMatchObject({ status: "applied" });
	});
});
