// A widget that was away longer than its visitor token lives (a laptop closed for weeks) comes
// back with an expired token and commands queued offline. The server refuses the expired token
// everywhere but the bootstrap, which renews it for the same visitor: the queued commands must go
// out under that visitor, each exactly once, and REST calls must renew and retry by themselves.

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { VisitorTokenSigner } from "../../sync-server/src/auth/visitor-token.ts";
import type { SyncServer } from "../../sync-server/src/server.ts";
import { eventually } from "../../sync-server/test/support/eventually.ts";
import { freePort } from "../../sync-server/test/support/server-process.ts";
import {
	type TestDatabase,
	testDatabaseTargets,
} from "../../sync-server/test/support/test-database.ts";
import { startTestServer } from "../../sync-server/test/support/test-server.ts";
import {
	type ClientEnvironment,
	CossistantClient,
	type KeyValueStore,
	memoryKeyValueStore,
} from "../src/index.ts";

const SECRET = "visitor-token-renewal-secret-0123456789abcdef";
const DAY_MS = 86_400_000;
/** Past the 30-day lifetime, inside the 30-day grace period that follows. */
const EXPIRED_AGE_MS = 31 * DAY_MS;
/** The widget's page (the demo key is a test key: loopback pages may use it). */
const ORIGIN = "http://localhost:5173";

/** What a browser adds by itself: the page's Origin on every request and WebSocket upgrade. */
const withOrigin: typeof fetch = (input, init) => {
	const headers = new Headers(init?.headers);
	headers.set("origin", ORIGIN);
	return fetch(input, { ...init, headers });
};
class BrowserWebSocket extends WebSocket {
	constructor(address: string) {
		super(address, { origin: ORIGIN });
		this.on("error", () => {});
	}
}

/** A browser environment the test switches online itself (wake = the `online` event). */
function manualEnvironment() {
	const wakeListeners = new Set<() => void>();
	const environment: ClientEnvironment = {
		onWake(listener) {
			wakeListeners.add(listener);
			return () => wakeListeners.delete(listener);
		},
		isOnline: () => true,
		isVisible: () => true,
	};
	return {
		environment,
		wake: () => {
			for (const listener of wakeListeners) listener();
		},
	};
}

describe.each(testDatabaseTargets())("visitor token renewal on $name", (target) => {
	let database: TestDatabase;
	let port: number;
	let server: SyncServer;
	const signer = new VisitorTokenSigner(SECRET);
	const clients: CossistantClient[] = [];
	const env = () => ({ PORT: String(port), AUTH_SECRET: SECRET });

	beforeAll(async () => {
		database = await target.create();
		port = await freePort();
		server = await startTestServer(database.db, env());
	});
	afterEach(() => {
		for (const client of clients.splice(0)) client.destroy();
	});
	afterAll(async () => {
		await server.stop();
		await database.drop();
	});

	const storageKey = () => `cossistant:visitor:${server.demo?.publicKey}`;

	/** Bootstraps a visitor into `storage`, then ages its stored token past its lifetime. */
	async function storedVisitorWithExpiredToken(storage: KeyValueStore): Promise<string> {
		const first = new CossistantClient({
			apiUrl: server.apiUrl,
			publicKey: server.demo?.publicKey,
			storage,
			environment: manualEnvironment().environment,
			fetch: withOrigin,
			WebSocketPolyfill: BrowserWebSocket,
		});
		clients.push(first);
		await first.fetchWebsite();
		const stored = JSON.parse(storage.get(storageKey()) ?? "{}");
		const visitorId: string = stored.visitor.id;
		const expired = signer.sign(visitorId, stored.website.id, Date.now() - EXPIRED_AGE_MS);
		storage.set(storageKey(), JSON.stringify({ ...stored, visitorToken: expired }));
		return visitorId;
	}

	function storedToken(storage: KeyValueStore): string {
		return JSON.parse(storage.get(storageKey()) ?? "{}").visitorToken;
	}

	it("delivers commands queued offline under an expired token once it is renewed, each exactly once", async () => {
		const storage = memoryKeyValueStore();
		const visitorId = await storedVisitorWithExpiredToken(storage);
		const expiredToken = storedToken(storage);

		await server.stop();
		const { environment, wake } = manualEnvironment();
		const client = new CossistantClient({
			apiUrl: server.apiUrl,
			publicKey: server.demo?.publicKey,
			storage,
			environment,
			fetch: withOrigin,
			WebSocketPolyfill: BrowserWebSocket,
		});
		clients.push(client);
		await client.fetchWebsite(); // the server is down: the widget opens from storage
		expect(client.visitorState.getState()).toMatchObject({ offline: true });
		const conversationId = await client.startConversation({ initialMessage: "first, offline" });
		await client.sendMessage(conversationId, "second, offline");
		await client.sendMessage(conversationId, "third, offline");

		server = await startTestServer(database.db, env());
		wake();
		await eventually(
			async () => {
				const rows = await database.db.prisma.timelineItem.findMany({
					where: { conversationId, type: "message" },
					orderBy: { seq: "asc" },
				});
				expect(rows.map((row) => [textOf(row.parts), row.visitorId])).toEqual([
					["first, offline", visitorId],
					["second, offline", visitorId],
					["third, offline", visitorId],
				]);
			},
			{ timeoutMs: 15_000 },
		);
		await eventually(() =>
			expect(
				[...client.outbox.state.getState().entries.values()].map((entry) => entry.state),
			).toEqual(["sent", "sent", "sent"]),
		);
		// The same visitor, with a fresh token kept for the next page load.
		expect(client.visitorState.getState().visitor?.id).toBe(visitorId);
		expect(storedToken(storage)).not.toBe(expiredToken);
		expect(signer.check(storedToken(storage))).toMatchObject({
			status: "valid",
			claims: { visitorId },
		});
		const conversation = await database.db.prisma.conversation.findUniqueOrThrow({
			where: { id: conversationId },
		});
		expect(conversation.visitorId).toBe(visitorId);
	});

	it("renews an expired token when a REST call is refused with it, and retries the call once", async () => {
		const storage = memoryKeyValueStore();
		const visitorId = await storedVisitorWithExpiredToken(storage);
		const expiredToken = storedToken(storage);
		// The first bootstrap cannot reach the server, so the expired token stays in use; the
		// socket points nowhere, so only the REST call can meet the refusal.
		const seen: Array<{ path: string; status: number }> = [];
		let bootstraps = 0;
		const fetchImpl: typeof fetch = async (input, init) => {
			const path = new URL(String(input)).pathname;
			if (path.endsWith("/websites") && bootstraps++ === 0) throw new TypeError("offline");
			const response = await withOrigin(input, init);
			seen.push({ path, status: response.status });
			return response;
		};
		const client = new CossistantClient({
			apiUrl: server.apiUrl,
			wsUrl: `ws://127.0.0.1:${await freePort()}/ws`,
			publicKey: server.demo?.publicKey,
			storage,
			environment: manualEnvironment().environment,
			fetch: fetchImpl,
			WebSocketPolyfill: BrowserWebSocket,
		});
		clients.push(client);
		await client.fetchWebsite();
		expect(client.visitorState.getState()).toMatchObject({ offline: true });

		const state = await client.fetchSupportState();
		expect(state).toBeTruthy();
		expect(seen).toEqual([
			{ path: "/v1/support/state", status: 401 },
			{ path: "/v1/websites", status: 200 },
			{ path: "/v1/support/state", status: 200 },
		]);
		expect(client.visitorState.getState().visitor?.id).toBe(visitorId);
		expect(storedToken(storage)).not.toBe(expiredToken);
	});
});

function textOf(parts: unknown): string {
	const [first] = parts as Array<{ type: string; text?: string }>;
	return first?.type === "text" ? (first.text ?? "") : "";
}
