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
import { type ClientEnvironment, CossistantClient, memoryKeyValueStore } from "../src/index.ts";

/** A controllable browser environment: the test fires "offline" and "online" itself. */
function manualEnvironment() {
	const wakeListeners = new Set<() => void>();
	const offlineListeners = new Set<() => void>();
	let online = true;
	const environment: ClientEnvironment = {
		onWake(listener) {
			wakeListeners.add(listener);
			return () => wakeListeners.delete(listener);
		},
		onOffline(listener) {
			offlineListeners.add(listener);
			return () => offlineListeners.delete(listener);
		},
		isOnline: () => online,
		isVisible: () => true,
	};
	return {
		environment,
		goOffline: () => {
			online = false;
			for (const listener of offlineListeners) listener();
		},
		goOnline: () => {
			online = true;
			for (const listener of wakeListeners) listener();
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
			...localOriginClient,
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

	it("reconnects after an offline blip shorter than the socket's close (online while it is still closing)", async () => {
		const { environment, goOffline, goOnline } = manualEnvironment();
		const blip = new CossistantClient({
			apiUrl: server.apiUrl,
			publicKey: server.demo?.publicKey,
			...localOriginClient,
			storage: memoryKeyValueStore(),
			environment,
		});
		try {
			await blip.fetchWebsite();
			const conversationId = await blip.startConversation({ initialMessage: "hello" });
			const view = blip.conversation(conversationId);
			await eventually(() => expect(blip.connection.state.getState().status).toBe("connected"));
			goOffline();
			goOnline(); // same tick: the socket closed on `offline` has not finished closing
			await blip.sendMessage(conversationId, "after the blip");
			await eventually(
				() => {
					expect(blip.connection.state.getState().status).toBe("connected");
					expect(view.state.getState().items.map((i) => i.delivery)).toEqual(["sent", "sent"]);
				},
				{ timeoutMs: 10_000 },
			);
		} finally {
			blip.destroy();
		}
	});
});

function textOf(parts: ReadonlyArray<{ type: string; text?: string }>): string | undefined {
	return parts.find((part) => part.type === "text")?.text;
}
