import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../../sync-server/src/server.ts";
import { eventually } from "../../sync-server/test/support/eventually.ts";
import { freePort } from "../../sync-server/test/support/server-process.ts";
import {
	type TestDatabase,
	testDatabaseTargets,
} from "../../sync-server/test/support/test-database.ts";
import { startTestServer } from "../../sync-server/test/support/test-server.ts";
import { type ClientEnvironment, CossistantClient, memoryKeyValueStore } from "../src/index.ts";

/** A controllable browser environment: the test fires "online" itself. */
function manualEnvironment() {
	const listeners = new Set<() => void>();
	const environment: ClientEnvironment = {
		onWake(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		isOnline: () => true,
		isVisible: () => true,
	};
	return {
		environment,
		goOnline: () => {
			for (const listener of listeners) listener();
		},
	};
}

describe.each(testDatabaseTargets())("offline delivery on $name", (target) => {
	let database: TestDatabase;
	let port: number;
	let server: SyncServer;
	let client: CossistantClient | null = null;

	beforeAll(async () => {
		database = await target.create();
		port = await freePort();
		server = await startTestServer(database.db, { PORT: String(port) });
	});
	afterAll(async () => {
		client?.destroy();
		await server.stop();
		await database.drop();
	});

	it("queues sends while the server is down and delivers each exactly once, in order, when it is back", async () => {
		const { environment, goOnline } = manualEnvironment();
		client = new CossistantClient({
			apiUrl: server.apiUrl,
			publicKey: server.demo?.publicKey,
			storage: memoryKeyValueStore(),
			environment,
		});
		await client.fetchWebsite();
		const conversationId = await client.startConversation({ initialMessage: "before the outage" });
		const view = client.conversation(conversationId);
		await eventually(() =>
			expect(view.state.getState().items.filter((i) => i.delivery === "sent")).toHaveLength(1),
		);

		await server.stop();
		await eventually(() =>
			expect(client?.connection.state.getState().status).not.toBe("connected"),
		);

		const texts = ["one", "two", "three", "four", "five"];
		for (const text of texts) await client.sendMessage(conversationId, text);
		expect(
			view.state
				.getState()
				.items.slice(1)
				.map((i) => [textOf(i.parts), i.delivery]),
		).toEqual(texts.map((text) => [text, "queued"]));

		server = await startTestServer(database.db, { PORT: String(port) });
		goOnline(); // the browser's `online` event: reconnect now, not after a backoff
		await eventually(
			() =>
				expect(view.state.getState().items.map((i) => i.delivery)).toEqual(Array(6).fill("sent")),
			{ timeoutMs: 15_000 },
		);
		const rows = await database.db.prisma.timelineItem.findMany({
			where: { conversationId },
			orderBy: { seq: "asc" },
		});
		expect(rows.map((row) => textOf(row.parts as never))).toEqual(["before the outage", ...texts]);
		expect(client.outbox.state.getState().entries.size).toBeLessThanOrEqual(6);
		expect(
			[...client.outbox.state.getState().entries.values()].every((e) => e.state === "sent"),
		).toBe(true);
	});
});

function textOf(parts: ReadonlyArray<{ type: string; text?: string }>): string | undefined {
	return parts.find((part) => part.type === "text")?.text;
}
