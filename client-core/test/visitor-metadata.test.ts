import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../../sync-server/src/server.ts";
import { eventually } from "../../sync-server/test/support/eventually.ts";
import { localOriginClient } from "../../sync-server/test/support/local-origin.ts";
import {
	type TestDatabase,
	testDatabaseTargets,
} from "../../sync-server/test/support/test-database.ts";
import { startTestServer } from "../../sync-server/test/support/test-server.ts";
import {
	CossistantClient,
	CossistantConfigurationError,
	memoryKeyValueStore,
} from "../src/index.ts";

describe.each(testDatabaseTargets())("setVisitorMetadata on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	const clients: CossistantClient[] = [];

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		await server.stop();
		await database.drop();
	});

	async function visitor() {
		const client = new CossistantClient({
			apiUrl: server.apiUrl,
			publicKey: server.demo?.publicKey,
			...localOriginClient,
			storage: memoryKeyValueStore(),
		});
		clients.push(client);
		await client.fetchWebsite();
		return client;
	}

	async function storedMetadata(contactId: string) {
		const contact = await database.db.prisma.contact.findUniqueOrThrow({
			where: { id: contactId },
		});
		return contact.metadata;
	}

	it("refuses metadata before identify(), then sends the same metadata once identified", async () => {
		const client = await visitor();
		// Before identify(): nothing to store it on. Refused up front, not silently remembered.
		const early = await client.setVisitorMetadata({ plan: "pro", mrr: 99 }).then(
			() => null,
			(error: unknown) => error,
		);
		expect(early).toBeInstanceOf(CossistantConfigurationError);
		expect((early as CossistantConfigurationError).code).toBe("visitor_not_identified");
		expect((early as Error).message).toMatch(/call identify\(\) first/);
		expect(client.outbox.state.getState().entries.size).toBe(0);

		const { contact } = await client.identify({ externalId: `user-${uuidv7()}` });
		// The same metadata as before: it never reached the server, so it is sent now.
		expect(await client.setVisitorMetadata({ mrr: 99, plan: "pro" })).toBe(true);
		// Still on its way: the same metadata again sends nothing more.
		expect(await client.setVisitorMetadata({ plan: "pro", mrr: 99 })).toBe(false);
		await eventually(async () =>
			expect(await storedMetadata(contact.id)).toEqual({ plan: "pro", mrr: 99 }),
		);
		await eventually(() =>
			expect([...client.outbox.state.getState().entries.values()].map((e) => e.state)).toEqual([
				"sent",
			]),
		);
		expect(await client.setVisitorMetadata({ plan: "pro", mrr: 99 })).toBe(false);
		expect(await client.setVisitorMetadata({ plan: "team", mrr: 99 })).toBe(true);
		await eventually(async () =>
			expect(await storedMetadata(contact.id)).toEqual({ plan: "team", mrr: 99 }),
		);
	});

	it("waits for an identify() under way instead of refusing", async () => {
		const client = await visitor();
		const identifying = client.identify({ externalId: `user-${uuidv7()}` });
		const set = client.setVisitorMetadata({ plan: "enterprise" });
		const { contact } = await identifying;
		expect(await set).toBe(true);
		await eventually(async () =>
			expect(await storedMetadata(contact.id)).toEqual({ plan: "enterprise" }),
		);
	});
});
