import { type Conversation, DocumentNames, VISITOR_DOC_KEYS } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import { eventually } from "./support/eventually.ts";
import {
	createTestWebsite,
	createVisitor,
	identify,
	sign,
	type TestVisitor,
	type TestWebsite,
	visitorClient,
} from "./support/support-fixtures.ts";
import type { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { startTestServer } from "./support/test-server.ts";

describe.each(testDatabaseTargets())("cross-device history on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let site: TestWebsite;
	const clients: TestClient[] = [];

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
		site = await createTestWebsite(database.db);
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		await server.stop();
		await database.drop();
	});

	/** A device: a visitor on a live key with an open widget (visitor document synced). */
	async function device(): Promise<{ visitor: TestVisitor; client: TestClient }> {
		const visitor = await createVisitor(server, site, "live");
		const client = visitorClient(server, visitor);
		clients.push(client);
		await client.openSynced(DocumentNames.visitor(visitor.visitorId));
		return { visitor, client };
	}

	/** Identifies a device as `externalId` with the signature the host's server computes. */
	async function signIn(visitor: TestVisitor, externalId: string) {
		const response = await identify(server, visitor, {
			externalId,
			signature: sign(site, externalId),
		});
		expect(response.status).toBe(200);
		return response.body.contact.id as string;
	}

	function listed(client: TestClient, visitor: TestVisitor): Record<string, Conversation> {
		return client
			.doc(DocumentNames.visitor(visitor.visitorId))
			.getMap<Conversation>(VISITOR_DOC_KEYS.conversations)
			.toJSON() as Record<string, Conversation>;
	}

	async function start(client: TestClient, text: string): Promise<string> {
		const conversationId = uuidv7();
		const id = uuidv7();
		client.send({
			id,
			type: "conversation.start",
			conversationId,
			initialMessage: { itemId: uuidv7(), parts: [{ type: "text", text }] },
		});
		expect(await client.result(id)).toMatchObject({ status: "applied" });
		return conversationId;
	}

	async function say(client: TestClient, conversationId: string, text: string): Promise<string> {
		const itemId = uuidv7();
		const id = uuidv7();
		client.send({
			id,
			type: "message.send",
			conversationId,
			itemId,
			parts: [{ type: "text", text }],
		});
		expect(await client.result(id)).toMatchObject({ status: "applied" });
		return itemId;
	}

	it("two devices identified as one contact see the same conversations, live", async () => {
		const externalId = `user-${uuidv7()}`;
		const a = await device();
		const b = await device();
		const contactId = await signIn(a.visitor, externalId);
		expect(await signIn(b.visitor, externalId)).toBe(contactId);

		const conversationId = await start(a.client, "Hello from my laptop");
		await eventually(() =>
			expect(listed(b.client, b.visitor)[conversationId]?.contactId).toBe(contactId),
		);

		const convDoc = DocumentNames.conversation(conversationId);
		await b.client.openSynced(convDoc);
		await a.client.openSynced(convDoc);
		const fromA = await say(a.client, conversationId, "Still there?");
		await eventually(() => expect(b.client.timeline(convDoc).map((i) => i.id)).toContain(fromA));
		const fromB = await say(b.client, conversationId, "Replying from my phone");
		await eventually(() => expect(a.client.timeline(convDoc).map((i) => i.id)).toContain(fromB));
		// Both lists follow the conversation's latest item.
		await eventually(() => {
			expect(listed(a.client, a.visitor)[conversationId]?.lastTimelineItem?.id).toBe(fromB);
			expect(listed(b.client, b.visitor)[conversationId]?.lastTimelineItem?.id).toBe(fromB);
		});
	});

	it("brings a device's anonymous conversations into the contact and the contact's history to the device", async () => {
		const externalId = `user-${uuidv7()}`;
		const a = await device();
		const contactId = await signIn(a.visitor, externalId);
		const fromA = await start(a.client, "Asked while signed in on A");

		const b = await device();
		const anonymous = await start(b.client, "Asked anonymously on B");
		expect(
			(await database.db.prisma.conversation.findUniqueOrThrow({ where: { id: anonymous } }))
				.contactId,
		).toBeNull();
		await signIn(b.visitor, externalId);

		const row = await database.db.prisma.conversation.findUniqueOrThrow({
			where: { id: anonymous },
		});
		expect(row.contactId).toBe(contactId);
		await eventually(() => {
			expect(Object.keys(listed(b.client, b.visitor)).sort()).toEqual([fromA, anonymous].sort());
			expect(Object.keys(listed(a.client, a.visitor)).sort()).toEqual([fromA, anonymous].sort());
		});
		// A may now open B's formerly anonymous conversation.
		await a.client.openSynced(DocumentNames.conversation(anonymous));
		expect(a.client.timeline(DocumentNames.conversation(anonymous))[0]?.parts).toEqual([
			{ type: "text", text: "Asked anonymously on B" },
		]);
	});

	it("keeps a device that is not linked out of the contact's conversations", async () => {
		const a = await device();
		await signIn(a.visitor, `user-${uuidv7()}`);
		const conversationId = await start(a.client, "Private to my devices");
		const stranger = await device();
		await signIn(stranger.visitor, `user-${uuidv7()}`);
		stranger.client.open(DocumentNames.conversation(conversationId));
		await eventually(() =>
			expect(stranger.client.authFailures.map((f) => f.document)).toContain(
				DocumentNames.conversation(conversationId),
			),
		);
		expect(listed(stranger.client, stranger.visitor)[conversationId]).toBeUndefined();
	});

	it("moves a device to another contact: the previous contact's other conversations leave its list", async () => {
		const first = `user-${uuidv7()}`;
		const a = await device();
		const b = await device();
		await signIn(a.visitor, first);
		await signIn(b.visitor, first);
		const fromA = await start(a.client, "Mine, on A");
		const fromB = await start(b.client, "Mine, on B");
		await eventually(() => expect(Object.keys(listed(b.client, b.visitor))).toContain(fromA));

		await signIn(b.visitor, `user-${uuidv7()}`);
		await eventually(() => expect(Object.keys(listed(b.client, b.visitor))).toEqual([fromB]));
		// A still lists both: B's conversation belongs to the first contact.
		expect(Object.keys(listed(a.client, a.visitor)).sort()).toEqual([fromA, fromB].sort());
	});
});
