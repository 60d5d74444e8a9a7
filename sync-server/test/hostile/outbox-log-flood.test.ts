// A visitor fills its own outbox with 20 000 `null`s (a 20 KB update). Each entry without a
// usable id used to write its own warn line (3.7 MB of logs), again on every reconnect, when the
// outbox is loaded anew and every entry is considered again.

import { DocumentNames, OUTBOX_KEYS } from "@cossistant/types";
import { pino } from "pino";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadConfig } from "../../src/config.ts";
import { type SyncServer, startSyncServer } from "../../src/server.ts";
import { eventually } from "../support/eventually.ts";
import { TestClient } from "../support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "../support/test-database.ts";
import { bootstrapVisitor } from "../support/test-server.ts";

const NULLS = 20_000;
const RECONNECTS = 3;

describe.each(testDatabaseTargets())("outbox log flood on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	const lines: string[] = [];
	const clients: TestClient[] = [];

	beforeAll(async () => {
		database = await target.create();
		const config = loadConfig({
			PORT: "0",
			SEED_DEMO: "true",
			WS_UPGRADE_RATE_LIMIT: "0",
			CLIENT_WARN_LOG_LIMIT: "3",
		});
		// The server's own logs, as an operator would collect them.
		const logger = pino({ level: "warn" }, { write: (line: string) => void lines.push(line) });
		server = await startSyncServer(config, { db: database.db, logger });
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		await server.stop();
		await database.drop();
	});

	it("reports malformed outbox entries once per load, within the client's log budget", async () => {
		const publicKey = server.demo?.publicKey ?? "";
		const boot = await bootstrapVisitor(server, publicKey);
		const principal = `visitor:${boot.visitor.id}` as const;
		const outboxName = DocumentNames.outbox(principal);
		const connect = () => {
			const client = new TestClient({
				wsUrl: server.wsUrl,
				token: boot.visitorToken,
				principal,
				publicKey,
			});
			clients.push(client);
			return client;
		};
		/**
		 * A valid command behind the nulls: once it has a result (`outbox_full`, as the nulls
		 * count), every entry before it was considered.
		 */
		const settle = async (client: TestClient) => {
			const id = uuidv7();
			client.send({ id, type: "conversation.start", conversationId: uuidv7() });
			expect(await client.result(id)).toMatchObject({ status: "rejected", code: "outbox_full" });
		};

		let client = connect();
		client.outboxDoc.getArray(OUTBOX_KEYS.commands).push(Array.from({ length: NULLS }, () => null));
		await settle(client);
		for (let i = 0; i < RECONNECTS; i += 1) {
			const state = client.outboxDoc;
			client.destroy();
			// Once the server unloaded the outbox, the next connection loads it again from the replica.
			await eventually(() => expect(server.hocuspocus.documents.has(outboxName)).toBe(false), {
				timeoutMs: 20_000,
			});
			client = connect();
			Y.applyUpdate(client.outboxDoc, Y.encodeStateAsUpdate(state));
			await settle(client);
		}

		const outboxLines = lines.filter((line) => line.includes("outbox"));
		const bytes = outboxLines.reduce((sum, line) => sum + line.length, 0);
		console.log(
			`outbox log flood on ${target.name}: ${outboxLines.length} lines (${bytes} bytes) for ` +
				`${NULLS} nulls loaded ${RECONNECTS + 1} times`,
		);
		// One report per load at most, and the client's budget (3 a minute) leaves the fourth out.
		expect(outboxLines.length).toBe(3);
		expect(JSON.parse(outboxLines[0] ?? "{}")).toMatchObject({
			level: 40,
			malformed: NULLS,
			msg: "outbox entries without a usable id ignored",
		});
		expect(bytes).toBeLessThan(2_000);
	}, 90_000);
});
