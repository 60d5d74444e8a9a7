import { DocumentNames } from "@cossistant/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../../sync-server/src/server.ts";
import { eventually } from "../../sync-server/test/support/eventually.ts";
import { localOriginClient } from "../../sync-server/test/support/local-origin.ts";
import { freePort } from "../../sync-server/test/support/server-process.ts";
import {
	type TestDatabase,
	testDatabaseTargets,
} from "../../sync-server/test/support/test-database.ts";
import { startTestServer } from "../../sync-server/test/support/test-server.ts";
import { CossistantClient, memoryKeyValueStore } from "../src/index.ts";

describe.each(testDatabaseTargets())("a diverged cache on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let client: CossistantClient | null = null;

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db, { PORT: String(await freePort()) });
	});
	afterAll(async () => {
		client?.destroy();
		await server.stop();
		await database.drop();
	});

	it("is dropped and resynced from the server, without touching the outbox", async () => {
		client = new CossistantClient({
			apiUrl: server.apiUrl,
			publicKey: server.demo?.publicKey,
			...localOriginClient,
			storage: memoryKeyValueStore(),
		});
		await client.fetchWebsite();
		const conversationId = await client.startConversation({
			initialMessage: "kept only by the client",
		});
		const view = client.conversation(conversationId);
		await eventually(() =>
			expect(view.state.getState().items.map((i) => i.delivery)).toEqual(["sent"]),
		);

		// The server loses the document's history (e.g. restored from an older backup):
		// the client's replica now holds state the server never had.
		const port = server.port;
		await server.stop();
		const docName = DocumentNames.conversation(conversationId);
		await database.db.prisma.docUpdate.deleteMany({ where: { docName } });
		await database.db.prisma.docSnapshot.deleteMany({ where: { docName } });
		// Meanwhile the visitor writes a message (it must survive the cache drop).
		const queuedItem = await client.sendMessage(conversationId, "written during the outage");
		server = await startTestServer(database.db, { PORT: String(port) });
		client.connection.reconnectNow();

		// The server refused the cached state: the replica is replaced by the server's copy, and
		// the queued message is still delivered exactly once.
		await eventually(
			() => {
				const items = view.state.getState().items;
				expect(items.map((i) => i.parts[0])).toEqual([
					{ type: "text", text: "written during the outage" },
				]);
				expect(items[0]).toMatchObject({ id: queuedItem, delivery: "sent", pending: false });
			},
			{ timeoutMs: 15_000 },
		);
		expect(await database.db.prisma.timelineItem.count({ where: { id: queuedItem } })).toBe(1);
	});
});
