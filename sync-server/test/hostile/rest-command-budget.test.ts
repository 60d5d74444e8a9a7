// A visitor's commands have one budget, whichever way they arrive: `POST /v1/contacts/identify`
// runs a `contact.identify` command, and a script calling it in a loop must be paced exactly like
// one writing to its outbox (COMMAND_RATE_LIMIT per visitor, COMMAND_IP_RATE_LIMIT per address),
// not only held to the general REST_RATE_LIMIT.

import { HEADERS } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../../src/server.ts";
import { LOCAL_ORIGIN } from "../support/local-origin.ts";
import { TestClient } from "../support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "../support/test-database.ts";
import { bootstrapVisitor, startTestServer } from "../support/test-server.ts";

/** `POST /v1/contacts/identify` as the widget sends it; resolves with status and the time taken. */
async function identify(
	server: SyncServer,
	visitorToken: string,
	email: string,
): Promise<{ status: number; ms: number }> {
	const started = performance.now();
	const response = await fetch(`${server.apiUrl}/contacts/identify`, {
		method: "POST",
		headers: {
			"content-type": "application/json",
			origin: LOCAL_ORIGIN,
			[HEADERS.publicKey]: server.demo?.publicKey ?? "",
			[HEADERS.visitorToken]: visitorToken,
		},
		body: JSON.stringify({ email }),
	});
	await response.arrayBuffer();
	return { status: response.status, ms: performance.now() - started };
}

describe.each(testDatabaseTargets())(
	"a visitor's REST commands share its budget on $name",
	(target) => {
		let database: TestDatabase;
		let server: SyncServer;
		const clients: TestClient[] = [];
		beforeAll(async () => {
			database = await target.create();
			// A burst of 6, then one command every 10 s, per visitor.
			server = await startTestServer(database.db, {
				COMMAND_RATE_LIMIT: "6",
				COMMAND_IP_RATE_LIMIT: "0",
				COMMAND_WEBSITE_RATE_LIMIT: "0",
				VISITOR_CREATION_RATE_LIMIT: "0",
			});
		});
		afterAll(async () => {
			for (const client of clients) client.destroy();
			await server.stop();
			await database.drop();
		});

		it("paces identify calls beyond the visitor's rate instead of applying them at once", async () => {
			const boot = await bootstrapVisitor(server, server.demo?.publicKey ?? "");
			// Six commands through the outbox take the whole burst …
			const client = new TestClient({
				wsUrl: server.wsUrl,
				token: boot.visitorToken,
				principal: `visitor:${boot.visitor.id}`,
				publicKey: server.demo?.publicKey ?? "",
			});
			clients.push(client);
			const conversationId = uuidv7();
			const ids = [uuidv7(), ...Array.from({ length: 5 }, () => uuidv7())];
			client.send({ id: ids[0], type: "conversation.start", conversationId });
			for (const id of ids.slice(1)) {
				client.send({
					id,
					type: "message.send",
					conversationId,
					itemId: uuidv7(),
					parts: [{ type: "text", text: "burst" }],
				});
			}
			for (const id of ids) expect(await client.result(id)).toMatchObject({ status: "applied" });

			// … so an identify over REST waits for the next token (about 10 s), then is applied.
			const paced = await identify(server, boot.visitorToken, `paced-${uuidv7()}@example.com`);
			expect(paced.status).toBe(200);
			expect(paced.ms).toBeGreaterThan(3_000);
		}, 40_000);
	},
);
