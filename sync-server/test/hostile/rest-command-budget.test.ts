// A visitor's commands have one budget, whichever way they arrive: `POST /v1/contacts/identify`
// runs a `contact.identify` command, and a script calling it in a loop must be paced exactly like
// one writing to its outbox (COMMAND_RATE_LIMIT per visitor, COMMAND_IP_RATE_LIMIT per address),
// not only held to the general REST_RATE_LIMIT.

import { HEADERS } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { describe, expect, it } from "vitest";
import type { SyncServer } from "../../src/server.ts";
import { LOCAL_ORIGIN } from "../support/local-origin.ts";
import { ServerFixture } from "../support/server-fixture.ts";
import { testDatabaseTargets } from "../support/test-database.ts";

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
		// A burst of 6, then one command every 10 s, per visitor.
		const fixture = ServerFixture.use(target, {
			COMMAND_RATE_LIMIT: "6",
			COMMAND_IP_RATE_LIMIT: "0",
			COMMAND_WEBSITE_RATE_LIMIT: "0",
			VISITOR_CREATION_RATE_LIMIT: "0",
		});

		it("paces identify calls beyond the visitor's rate instead of applying them at once", async () => {
			const { client, token } = await fixture.visitorClient();
			// Six commands through the outbox take the whole burst …
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
			const paced = await identify(fixture.server, token, `paced-${uuidv7()}@example.com`);
			expect(paced.status).toBe(200);
			expect(paced.ms).toBeGreaterThan(3_000);
		}, 40_000);
	},
);
