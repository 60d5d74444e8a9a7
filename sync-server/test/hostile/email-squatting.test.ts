import { DocumentNames } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../../src/server.ts";
import { eventually } from "../support/eventually.ts";
import {
	createTestWebsite,
	createVisitor,
	identify,
	sign,
	type TestVisitor,
	type TestWebsite,
	visitorClient,
} from "../support/support-fixtures.ts";
import type { TestClient } from "../support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "../support/test-database.ts";
import { startTestServer } from "../support/test-server.ts";

/**
 * Someone identifies first, unsigned, with another person's email. The real person's signed
 * identify must still succeed (the unverified contact gives up the email, as it gives up a
 * squatted externalId), and neither side sees the other's conversations.
 */
describe.each(testDatabaseTargets())("email squatting on $name", (target) => {
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

	const db = () => database.db.prisma;

	/** The squatter identifies unsigned with `claim` and starts a conversation as that contact. */
	async function squat(claim: Record<string, string>) {
		const squatter = await createVisitor(server, site, "live");
		const squatted = await identify(server, squatter, claim);
		expect(squatted.status).toBe(200);
		const client = visitorClient(server, squatter);
		clients.push(client);
		const conversationId = uuidv7();
		const startId = uuidv7();
		client.send({
			id: startId,
			type: "conversation.start",
			conversationId,
			initialMessage: { itemId: uuidv7(), parts: [{ type: "text", text: "send me the invoices" }] },
		});
		expect((await client.result(startId)).status).toBe("applied");
		return { squatter, contactId: squatted.body.contact.id as string, conversationId };
	}

	/** `visitor` cannot open the squatter's conversation. */
	async function expectShutOut(visitor: TestVisitor, conversationId: string) {
		const client = visitorClient(server, visitor);
		clients.push(client);
		client.open(DocumentNames.conversation(conversationId));
		await eventually(() =>
			expect(client.authFailures).toContainEqual({
				document: DocumentNames.conversation(conversationId),
				reason: "forbidden",
			}),
		);
	}

	it("a signed identify with the squatted email gets a verified contact; the squatter keeps only its own", async () => {
		const email = `ceo-${uuidv7()}@corp.test`;
		const squat1 = await squat({ email: email.toUpperCase() });

		const ceo = await createVisitor(server, site, "live");
		const externalId = `ceo-${uuidv7()}`;
		const claimed = await identify(server, ceo, {
			externalId,
			email,
			signature: sign(site, externalId),
		});
		expect(claimed.status).toBe(200);
		expect(claimed.body.contact).toMatchObject({ externalId, email });
		expect(claimed.body.contact.id).not.toBe(squat1.contactId);

		const rows = await db().contact.findMany({
			where: { id: { in: [squat1.contactId, claimed.body.contact.id] } },
			orderBy: { createdAt: "asc" },
		});
		expect(rows.map((row) => [row.id, row.externalId, row.email, row.identityVerified])).toEqual([
			[squat1.contactId, null, null, false],
			[claimed.body.contact.id, externalId, email, true],
		]);
		const squatterRow = await db().visitor.findUniqueOrThrow({
			where: { id: squat1.squatter.visitorId },
		});
		expect(squatterRow.contactId).toBe(squat1.contactId);
		await expectShutOut(ceo, squat1.conversationId);

		// The real person's other devices attach to the verified contact.
		const phone = await createVisitor(server, site, "live");
		const attached = await identify(server, phone, {
			externalId,
			email,
			signature: sign(site, externalId),
		});
		expect(attached.status).toBe(200);
		expect(attached.body.contact.id).toBe(claimed.body.contact.id);
	});

	it("a squatter that also invents an externalId does not block the signed identify either", async () => {
		const email = `cfo-${uuidv7()}@corp.test`;
		const squat2 = await squat({ externalId: `made-up-${uuidv7()}`, email });

		const cfo = await createVisitor(server, site, "live");
		const externalId = `cfo-${uuidv7()}`;
		const claimed = await identify(server, cfo, {
			externalId,
			email,
			signature: sign(site, externalId),
		});
		expect(claimed.status).toBe(200);
		expect(claimed.body.contact).toMatchObject({ externalId, email });
		const squatted = await db().contact.findUniqueOrThrow({ where: { id: squat2.contactId } });
		expect(squatted.email).toBeNull();
		await expectShutOut(cfo, squat2.conversationId);
	});

	it("an email squatted after the real person's contact exists moves to that contact", async () => {
		const externalId = `cto-${uuidv7()}`;
		const laptop = await createVisitor(server, site, "live");
		const verified = await identify(server, laptop, {
			externalId,
			signature: sign(site, externalId),
		});
		expect(verified.status).toBe(200);
		const email = `cto-${uuidv7()}@corp.test`;
		const squat3 = await squat({ email });

		const phone = await createVisitor(server, site, "live");
		const claimed = await identify(server, phone, {
			externalId,
			email,
			signature: sign(site, externalId),
		});
		expect(claimed.status).toBe(200);
		expect(claimed.body.contact).toMatchObject({ id: verified.body.contact.id, email });
		const squatted = await db().contact.findUniqueOrThrow({ where: { id: squat3.contactId } });
		expect(squatted.email).toBeNull();
		await expectShutOut(phone, squat3.conversationId);
	});

	it("an unsigned identify still cannot take an email from anyone", async () => {
		const email = `cmo-${uuidv7()}@corp.test`;
		const squat4 = await squat({ email });
		const other = await createVisitor(server, site, "live");
		const refused = await identify(server, other, { externalId: `x-${uuidv7()}`, email });
		expect(refused.status).toBe(403);
		expect(refused.body.error.code).toBe("identity_verification_failed");
		const squatted = await db().contact.findUniqueOrThrow({ where: { id: squat4.contactId } });
		expect(squatted.email).toBe(email);
	});
});
