import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../../../sync-server/src/server.ts";
import { eventually } from "../../../sync-server/test/support/eventually.ts";
import { localOriginClient } from "../../../sync-server/test/support/local-origin.ts";
import {
	type TestDatabase,
	testDatabaseTargets,
} from "../../../sync-server/test/support/test-database.ts";
import { startTestServer } from "../../../sync-server/test/support/test-server.ts";
import { AgentClient, AgentSession } from "../../src/agent/index.ts";
import { CossistantClient, memoryKeyValueStore } from "../../src/index.ts";

describe.each(testDatabaseTargets())("AgentClient against a real server on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	const cleanups: Array<() => void> = [];

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
	});
	afterAll(async () => {
		for (const cleanup of cleanups) cleanup();
		await server.stop();
		await database.drop();
	});

	it("logs in, follows the inbox live, replies, notes and resolves through the outbox", async () => {
		const storage = memoryKeyValueStore();
		const session = new AgentSession({ apiUrl: server.apiUrl, storage });
		await expect(
			session.login(server.demo?.agentEmail ?? "", "wrong-password"),
		).rejects.toMatchObject({
			code: "invalid_credentials",
			status: 401,
		});
		await session.login(server.demo?.agentEmail ?? "", server.demo?.agentPassword ?? "");
		// A reload restores the session from storage without a request.
		const restored = new AgentSession({ apiUrl: server.apiUrl, storage }).current;
		expect(restored?.user.email).toBe(server.demo?.agentEmail);
		if (!restored) throw new Error("the session was not stored");
		const agent = new AgentClient({ apiUrl: server.apiUrl, session: restored, storage });
		cleanups.push(() => agent.destroy());

		const visitor = new CossistantClient({
			apiUrl: server.apiUrl,
			publicKey: server.demo?.publicKey,
			...localOriginClient,
			storage: memoryKeyValueStore(),
		});
		cleanups.push(() => visitor.destroy());
		await visitor.fetchWebsite();
		const conversationId = await visitor.startConversation({ initialMessage: "Hi, help please" });

		const row = await eventually(() => {
			const found = agent.inbox.get(conversationId);
			if (!found) throw new Error("not in the inbox yet");
			return found;
		});
		expect(row.unread).toBe(true);

		const view = agent.conversation(conversationId);
		await agent.markSeen(conversationId, row.activityAt);
		expect(agent.inbox.get(conversationId)?.unread).toBe(false);
		await agent.reply(conversationId, "Hello from the team");
		await agent.addNote(conversationId, "secret internal note");
		await agent.setPriority(conversationId, "urgent");
		// Optimistic: the change shows before the server answers.
		await eventually(() => expect(agent.inbox.get(conversationId)?.priority).toBe("urgent"));
		await agent.setStatus(conversationId, "resolved");

		await eventually(() => {
			const { items, conversation } = view.state.getState();
			expect(conversation?.status).toBe("resolved");
			const texts = items.map((item) => item.parts[0]);
			expect(texts).toContainEqual({ type: "text", text: "secret internal note" });
			const note = items.find((item) => item.visibility === "private");
			expect(note?.pending).toBe(false);
			const events = items.flatMap((item) =>
				item.parts[0]?.type === "event" ? [item.parts[0].eventType] : [],
			);
			expect(events).toEqual(expect.arrayContaining(["priority_changed", "resolved"]));
			expect(items.every((item) => !item.pending)).toBe(true);
		});

		const visitorView = visitor.conversation(conversationId);
		await eventually(() => {
			const items = visitorView.state.getState().items;
			expect(
				items.some((i) => i.parts[0]?.type === "text" && i.parts[0].text === "Hello from the team"),
			).toBe(true);
			expect(
				items.some((i) => i.parts[0]?.type === "event" && i.parts[0].eventType === "resolved"),
			).toBe(true);
			expect(JSON.stringify(items)).not.toContain("secret internal note");
		});
		agent.release(conversationId);
	});

	it("shows a refused reply as failed with the server's reason, and discards it", async () => {
		const session = new AgentSession({ apiUrl: server.apiUrl, storage: memoryKeyValueStore() });
		const current = await session.login(
			server.demo?.agentEmail ?? "",
			server.demo?.agentPassword ?? "",
		);
		const agent = new AgentClient({
			apiUrl: server.apiUrl,
			session: current,
			storage: memoryKeyValueStore(),
		});
		cleanups.push(() => agent.destroy());
		const missing = "no-such-conversation-0001";
		const view = agent.conversation(missing);
		const itemId = await agent.reply(missing, "Anyone there?");
		const failed = await eventually(() => {
			const item = view.state.getState().items.find((candidate) => candidate.id === itemId);
			if (item?.delivery !== "failed") throw new Error(`delivery ${item?.delivery}`);
			return item;
		});
		expect(failed.failure?.code).toBe("not_found");
		expect(failed.commandId).toBeTruthy();
		await agent.discard(failed.commandId ?? "");
		await eventually(() =>
			expect(view.state.getState().items.some((item) => item.id === itemId)).toBe(false),
		);
		agent.release(missing);
	});
});
