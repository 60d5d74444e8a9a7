import { DocumentNames, LIMITS, OUTBOX_KEYS } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import { eventually } from "./support/eventually.ts";
import { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor, startTestServer } from "./support/test-server.ts";

// One database is enough: the command-count cap is enforced in memory, before any write.
const [pglite] = testDatabaseTargets();

// Found by the chaos suite (chaos/sigkill.chaos.ts on PGlite): a backlog of more than
// LIMITS.maxOutboxCommands commands (slow restarts under load) got every command refused with
// the retryable `outbox_full`, and the same ids sent again, as clients do after a retryable
// refusal, were then ignored for as long as the server held the outbox: the client waited
// forever.
describe("an outbox over its command cap", () => {
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

	it("refuses with outbox_full (retryable), then applies the same ids sent again once the outbox is pruned", async () => {
		const boot = await bootstrapVisitor(server, server.demo?.publicKey ?? "");
		const client = new TestClient({
			wsUrl: server.wsUrl,
			token: boot.visitorToken,
			principal: `visitor:${boot.visitor.id}`,
			publicKey: server.demo?.publicKey,
		});
		clients.push(client);
		const conversationId = uuidv7();
		const start = uuidv7();
		client.send({ id: start, type: "conversation.start", conversationId });
		expect(await client.result(start)).toMatchObject({ status: "applied" });
		await client.openSynced(DocumentNames.conversation(conversationId));

		// One update with more commands than the cap: each is refused, none applied.
		const commands = Array.from({ length: LIMITS.maxOutboxCommands + 1 }, () => ({
			id: uuidv7(),
			type: "conversation.markSeen",
			conversationId,
		}));
		const outbox = client.outboxDoc;
		const array = outbox.getArray(OUTBOX_KEYS.commands);
		outbox.transact(() => array.push(commands));
		const first = commands[0] as (typeof commands)[number];
		expect(await client.result(first.id)).toMatchObject({
			status: "rejected",
			code: "outbox_full",
			retryable: true,
		});

		// The client prunes what was refused and sends the first command again, same id.
		await eventually(() => expect(client.resultOf(commands.at(-1)?.id ?? "")).toBeDefined());
		outbox.transact(() => {
			array.delete(0, array.length);
			for (const command of commands) outbox.getMap(OUTBOX_KEYS.results).delete(command.id);
		});
		client.send(first);
		expect(await client.result(first.id)).toMatchObject({ status: "applied" });
	});
});
