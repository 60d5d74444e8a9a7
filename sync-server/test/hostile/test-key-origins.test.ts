import { CloseCodes, DocumentNames, HEADERS } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../../src/server.ts";
import { eventually } from "../support/eventually.ts";
import { RawSocket } from "../support/raw-socket.ts";
import {
	api,
	createTestWebsite,
	createVisitor,
	identify,
	SITE_ORIGIN,
	sign,
	type TestVisitor,
	type TestWebsite,
	visitorClient,
} from "../support/support-fixtures.ts";
import type { TestClient } from "../support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "../support/test-database.ts";
import { startTestServer } from "../support/test-server.ts";

/**
 * An install still running its seeded `pk_test_` key: any web page can read that key. It must
 * not let a page elsewhere (sandboxed iframe or `file://`: `Origin: null`) use it, nor let it
 * identify as someone else without the identity signature, and so read their conversations.
 */
describe.each(testDatabaseTargets())("test keys from hostile pages on $name", (target) => {
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

	function bootstrap(publicKey: string, origin: string | undefined) {
		return api(server, "GET", "/websites", {
			headers: { [HEADERS.publicKey]: publicKey, ...(origin === undefined ? {} : { origin }) },
		});
	}

	it("accepts a test key only from loopback origins and the website's allowed origins", async () => {
		for (const origin of [
			"http://localhost:3000",
			"http://127.0.0.1:8080",
			"http://[::1]:5173",
			"http://localhost",
			SITE_ORIGIN,
		]) {
			const response = await bootstrap(site.testKey, origin);
			expect({ origin, status: response.status }).toEqual({ origin, status: 200 });
		}
		for (const origin of [
			"null", // sandboxed iframes, file:// pages: any page can make one
			"https://evil.example",
			"http://evil.localhost:3000", // not every browser resolves *.localhost to loopback
			"http://localhost.evil.example",
			"file://",
			undefined,
		]) {
			for (const publicKey of [site.testKey, site.liveKey]) {
				const response = await bootstrap(publicKey, origin);
				expect({ origin, status: response.status, code: response.body?.error?.code }).toEqual({
					origin,
					status: 403,
					code: "origin_not_allowed",
				});
			}
		}
	});

	it("refuses Origin: null and a missing Origin at the WebSocket upgrade", async () => {
		for (const origin of ["null", null]) {
			for (const publicKey of [site.testKey, site.liveKey]) {
				const socket = new RawSocket(server.wsUrl, { publicKey, origin });
				expect(await socket.closed).toEqual({
					code: CloseCodes.Forbidden,
					reason: "origin_not_allowed",
				});
			}
		}
	});

	it("refuses a widget request (identify) with Origin: null even with a valid visitor token", async () => {
		const visitor = await createVisitor(server, site, "test");
		const refused = await api(server, "POST", "/contacts/identify", {
			headers: {
				[HEADERS.publicKey]: visitor.publicKey,
				[HEADERS.visitorToken]: visitor.token,
				origin: "null",
			},
			body: { email: `someone-${uuidv7()}@corp.test` },
		});
		expect(refused.status).toBe(403);
		expect(refused.body.error.code).toBe("origin_not_allowed");
	});

	/** The victim identifies on the real site, signed, and writes to support. */
	async function victimWithHistory() {
		const externalId = `victim-${uuidv7()}`;
		const email = `${externalId}@corp.test`;
		const victim = await createVisitor(server, site, "live");
		const identified = await identify(server, victim, {
			externalId,
			email,
			signature: sign(site, externalId),
		});
		expect(identified.status).toBe(200);
		const client = visitorClient(server, victim);
		clients.push(client);
		const conversationId = uuidv7();
		const startId = uuidv7();
		client.send({
			id: startId,
			type: "conversation.start",
			conversationId,
			initialMessage: { itemId: uuidv7(), parts: [{ type: "text", text: "my card ends in 4242" }] },
		});
		expect((await client.result(startId)).status).toBe("applied");
		return { externalId, email, contactId: identified.body.contact.id as string, conversationId };
	}

	/** The attacker's visitor is not linked to the victim and cannot open the conversation. */
	async function expectNothingLeaked(
		attacker: TestVisitor,
		victim: { contactId: string; conversationId: string },
	) {
		const row = await database.db.prisma.visitor.findUniqueOrThrow({
			where: { id: attacker.visitorId },
		});
		expect(row.contactId).not.toBe(victim.contactId);
		const client = visitorClient(server, attacker);
		clients.push(client);
		client.open(DocumentNames.conversation(victim.conversationId));
		await eventually(() =>
			expect(client.authFailures).toContainEqual({
				document: DocumentNames.conversation(victim.conversationId),
				reason: "forbidden",
			}),
		);
	}

	it("a page using the test key cannot identify as someone else without the signature", async () => {
		const victim = await victimWithHistory();
		// Even from an origin the test key accepts (a page on the victim's machine, or the
		// website itself), an unsigned identify does not attach to the victim's contact.
		for (const claim of [{ externalId: victim.externalId }, { email: victim.email }]) {
			const attacker = await createVisitor(server, site, "test");
			const refused = await identify(server, attacker, claim);
			expect({ claim, status: refused.status, code: refused.body.error?.code }).toEqual({
				claim,
				status: 403,
				code: "identity_verification_failed",
			});
			await expectNothingLeaked(attacker, victim);
		}
	});

	it("over the socket too: an unsigned contact.identify with the test key is refused", async () => {
		const victim = await victimWithHistory();
		const attacker = await createVisitor(server, site, "test");
		const client = visitorClient(server, attacker);
		clients.push(client);
		const commandId = uuidv7();
		client.send({ id: commandId, type: "contact.identify", email: victim.email });
		expect(await client.result(commandId)).toMatchObject({
			status: "rejected",
			code: "identity_verification_failed",
		});
		await expectNothingLeaked(attacker, victim);
	});

	it("a signed identify with the test key still attaches (a developer testing identity)", async () => {
		const victim = await victimWithHistory();
		const device = await createVisitor(server, site, "test");
		const attached = await identify(server, device, {
			externalId: victim.externalId,
			signature: sign(site, victim.externalId),
		});
		expect(attached.status).toBe(200);
		expect(attached.body.contact.id).toBe(victim.contactId);
	});
});
