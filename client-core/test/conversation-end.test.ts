import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../../sync-server/src/server.ts";
import { eventually } from "../../sync-server/test/support/eventually.ts";
import { localOriginClient } from "../../sync-server/test/support/local-origin.ts";
import { TestClient } from "../../sync-server/test/support/test-client.ts";
import {
	type TestDatabase,
	testDatabaseTargets,
} from "../../sync-server/test/support/test-database.ts";
import { loginAgent, startTestServer } from "../../sync-server/test/support/test-server.ts";
import { CossistantClient, type KeyValueStore, memoryKeyValueStore } from "../src/index.ts";

describe.each(testDatabaseTargets())("conversationEnd against a real server on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let agent: TestClient;
	const clients: CossistantClient[] = [];

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
		const session = await loginAgent(server);
		agent = new TestClient({
			wsUrl: server.wsUrl,
			token: session.token,
			principal: `user:${session.user.id}`,
		});
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		agent.destroy();
		await server.stop();
		await database.drop();
	});

	/** A widget client on `storage` (the same storage is the same visitor), and its end events. */
	async function widget(storage: KeyValueStore) {
		const client = new CossistantClient({
			apiUrl: server.apiUrl,
			publicKey: server.demo?.publicKey,
			...localOriginClient,
			storage,
		});
		clients.push(client);
		const ended: string[] = [];
		client.events.subscribe("conversationEnd", (event) => ended.push(event.conversationId));
		await client.fetchWebsite();
		return { client, ended };
	}

	function setStatus(conversationId: string, status: "open" | "resolved") {
		agent.send({ id: uuidv7(), type: "conversation.setStatus", conversationId, status });
	}

	/** Lets late updates arrive: an event that would fire twice has had its chance. */
	const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

	it("fires once when the visitor comes back after a conversation was resolved while away", async () => {
		const storage = memoryKeyValueStore();
		const first = await widget(storage);
		const conversationId = await first.client.startConversation({ initialMessage: "Hello" });
		await eventually(() =>
			expect(first.client.conversations.get(conversationId)?.pending).toBe(false),
		);
		first.client.destroy();

		setStatus(conversationId, "resolved");
		await eventually(async () => {
			const row = await database.db.prisma.conversation.findUniqueOrThrow({
				where: { id: conversationId },
			});
			expect(row.status).toBe("resolved");
		});

		const back = await widget(storage);
		await eventually(() => expect(back.ended).toEqual([conversationId]));
		// Opening the conversation (its document, its `resolved` item) announces nothing more.
		const view = back.client.conversation(conversationId);
		await eventually(() => expect(view.state.getState().conversation?.status).toBe("resolved"));
		await settle();
		expect(back.ended).toEqual([conversationId]);
		expect(first.ended).toEqual([]);

		// A later page load knows it ended: nothing again.
		back.client.destroy();
		const later = await widget(storage);
		await eventually(() =>
			expect(later.client.conversations.get(conversationId)?.status).toBe("resolved"),
		);
		await settle();
		expect(later.ended).toEqual([]);
	});

	it("fires once per end while online, and not for a conversation that ended before this device knew it", async () => {
		const storage = memoryKeyValueStore();
		const { client, ended } = await widget(storage);
		const conversationId = await client.startConversation({ initialMessage: "Hi" });
		await eventually(() => expect(client.conversations.get(conversationId)?.pending).toBe(false));
		const view = client.conversation(conversationId);
		await eventually(() => expect(view.state.getState().loaded).toBe(true));

		setStatus(conversationId, "resolved");
		await eventually(() => expect(ended).toEqual([conversationId]));
		setStatus(conversationId, "open");
		await eventually(() => expect(client.conversations.get(conversationId)?.status).toBe("open"));
		setStatus(conversationId, "resolved");
		await eventually(() => expect(ended).toEqual([conversationId, conversationId]));
		await settle();
		expect(ended).toEqual([conversationId, conversationId]);

		// Same visitor, a device that never saw it open (its own, empty storage).
		const visitorKey = `cossistant:visitor:${server.demo?.publicKey}`;
		const elsewhere = memoryKeyValueStore();
		elsewhere.set(visitorKey, storage.get(visitorKey) ?? "");
		const other = await widget(elsewhere);
		await eventually(() =>
			expect(other.client.conversations.get(conversationId)?.status).toBe("resolved"),
		);
		await settle();
		expect(other.ended).toEqual([]);
	});
});
