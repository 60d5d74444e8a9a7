// After a flood the server's memory has to come back once the attackers are gone: nothing an
// attacker sent may stay reachable (awareness states and their bookkeeping, per-socket state,
// outboxes). Awareness floods used to leave 100 000 client entries per document behind, held for
// as long as anyone kept the document open.
//
// Measured as V8's heap in use after forced collections: RSS is no measure (V8 and PGlite's WASM
// memory keep pages they no longer use). The server runs in this process, so the heap includes
// the test's own clients; they are the same before and after.

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { DocumentNames, OUTBOX_KEYS } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../../src/server.ts";
import { commandRoundTrip, floodFrames } from "../support/awareness-frames.ts";
import { eventually } from "../support/eventually.ts";
import { RawSocket } from "../support/raw-socket.ts";
import { TestClient } from "../support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "../support/test-database.ts";
import { bootstrapVisitor, loginAgent, startTestServer } from "../support/test-server.ts";

const ATTACKERS = 3;
const FLOOD_CLIENTS = 100_000;
const FLOOD_MS = 4_000;
const FLOOD_INTERVAL_MS = 200;
/** What the heap may keep after the flood: caches and JIT code, far below one flood's states. */
const MARGIN_BYTES = 24 * 1024 * 1024;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Heap in use once collections stop freeing anything (a few full GCs apart). */
async function settledHeap(): Promise<number> {
	let heap = Number.POSITIVE_INFINITY;
	for (let i = 0; i < 5; i += 1) {
		gc();
		await sleep(100);
		heap = Math.min(heap, process.memoryUsage().heapUsed);
	}
	return heap;
}

describe.each(testDatabaseTargets())("memory after a flood on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	const clients: TestClient[] = [];

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db, {
			WS_UPGRADE_RATE_LIMIT: "0",
			COMMAND_RATE_LIMIT: "100000",
		});
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		await server.stop();
		await database.drop();
	});

	const publicKey = () => server.demo?.publicKey ?? "";

	async function visitor() {
		const boot = await bootstrapVisitor(server, publicKey());
		const client = new TestClient({
			wsUrl: server.wsUrl,
			token: boot.visitorToken,
			principal: `visitor:${boot.visitor.id}`,
			publicKey: publicKey(),
		});
		const conversationId = uuidv7();
		const start = uuidv7();
		client.send({ id: start, type: "conversation.start", conversationId });
		expect(await client.result(start)).toMatchObject({ status: "applied" });
		return { boot, client, conversationId, docName: DocumentNames.conversation(conversationId) };
	}

	/** Floods awareness from each attacker's socket (reconnecting when closed) for `ms`. */
	async function awarenessFlood(
		attackers: Array<{ docName: string; token: string }>,
		ms: number,
	): Promise<void> {
		const until = Date.now() + ms;
		await Promise.all(
			attackers.map(async ({ docName, token }) => {
				const frame = floodFrames(docName, FLOOD_CLIENTS);
				let clock = 0;
				while (Date.now() < until) {
					const socket = new RawSocket(server.wsUrl, { publicKey: publicKey() });
					try {
						await socket.opened;
					} catch {
						continue;
					}
					socket.authenticate(docName, token);
					while (Date.now() < until && socket.ws.readyState === socket.ws.OPEN) {
						clock = (clock % 40) + 1;
						socket.ws.send(frame(clock));
						await sleep(FLOOD_INTERVAL_MS);
					}
					socket.close();
				}
			}),
		);
	}

	it("returns near its baseline heap once the attackers are gone", async () => {
		const session = await loginAgent(server);
		const agent = new TestClient({
			wsUrl: server.wsUrl,
			token: session.token,
			principal: `user:${session.user.id}`,
		});
		clients.push(agent);
		const attackers: Array<Awaited<ReturnType<typeof visitor>>> = [];
		for (let i = 0; i < ATTACKERS; i += 1) attackers.push(await visitor());
		// An agent keeps every attacked conversation open, so nothing is unloaded behind the test.
		for (const attacker of attackers) await agent.openSynced(attacker.docName);
		const bystander = await visitor();
		clients.push(bystander.client);
		for (let i = 0; i < 5; i += 1)
			await commandRoundTrip(bystander.client, bystander.conversationId);
		const baseline = await settledHeap();

		// The flood: awareness frames of 100 000 clients from every attacker, and each attacker's
		// outbox filled with 20 000 nulls.
		for (const attacker of attackers) {
			attacker.client.outboxDoc
				.getArray(OUTBOX_KEYS.commands)
				.push(Array.from({ length: 20_000 }, () => null));
		}
		await awarenessFlood(
			attackers.map((a) => ({ docName: a.docName, token: a.boot.visitorToken })),
			FLOOD_MS,
		);
		const peak = process.memoryUsage().heapUsed;

		// The attackers leave; their outboxes unload; everyone else carries on.
		for (const attacker of attackers) attacker.client.destroy();
		await eventually(
			() => {
				for (const attacker of attackers) {
					const outbox = DocumentNames.outbox(`visitor:${attacker.boot.visitor.id}`);
					expect(server.hocuspocus.documents.has(outbox)).toBe(false);
				}
			},
			{ timeoutMs: 20_000 },
		);
		for (let i = 0; i < 5; i += 1)
			await commandRoundTrip(bystander.client, bystander.conversationId);
		const after = await settledHeap();
		const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
		console.log(
			`memory after a flood on ${target.name}: heap ${mb(baseline)} before, ${mb(peak)} at the ` +
				`peak, ${mb(after)} after (margin ${mb(MARGIN_BYTES)})`,
		);
		expect(after - baseline).toBeLessThan(MARGIN_BYTES);
		for (const attacker of attackers) {
			expect(
				server.hocuspocus.documents.get(attacker.docName)?.awareness.meta.size ?? 0,
			).toBeLessThan(100);
		}
	}, 120_000);
});
