import { createHash } from "node:crypto";
import {
	canonicalMetadataJson,
	DocumentNames,
	type PublicVisitor,
	VISITOR_DOC_KEYS,
	VISITOR_PROFILE_KEYS,
} from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import { eventually } from "./support/eventually.ts";
import {
	createTestWebsite,
	createVisitor,
	docUpdateCount,
	identify,
	sign,
	type TestVisitor,
	type TestWebsite,
	visitorClient,
} from "./support/support-fixtures.ts";
import type { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { startTestServer } from "./support/test-server.ts";

describe.each(testDatabaseTargets())("identify on $name", (target) => {
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

	/** Everything an identify could have written about this visitor and contact. */
	async function footprint(visitor: TestVisitor, externalId: string) {
		return {
			visitor: await db().visitor.findUniqueOrThrow({ where: { id: visitor.visitorId } }),
			contacts: await db().contact.findMany({ where: { websiteId: site.websiteId, externalId } }),
			visitorDocUpdates: await docUpdateCount(
				database.db,
				DocumentNames.visitor(visitor.visitorId),
			),
		};
	}

	it("creates a contact and links the visitor; the profile reaches the open widget", async () => {
		const visitor = await createVisitor(server, site, "live");
		const client = visitorClient(server, visitor);
		clients.push(client);
		await client.openSynced(DocumentNames.visitor(visitor.visitorId));

		const externalId = `user-${uuidv7()}`;
		const response = await identify(server, visitor, {
			externalId,
			email: "Ada@Example.test",
			name: "Ada",
			metadata: { plan: "pro", mrr: 99 },
		});
		expect(response.status).toBe(200);
		const { visitor: publicVisitor, contact } = response.body;
		expect(contact).toMatchObject({
			externalId,
			email: "ada@example.test",
			name: "Ada",
			metadata: { plan: "pro", mrr: 99 },
		});
		expect(publicVisitor).toMatchObject({ id: visitor.visitorId, contact: { id: contact.id } });
		const row = await db().contact.findUniqueOrThrow({ where: { id: contact.id } });
		expect(row.metadataHash).toBe(
			createHash("sha256")
				.update(canonicalMetadataJson({ plan: "pro", mrr: 99 }))
				.digest("hex"),
		);
		const profile = client
			.doc(DocumentNames.visitor(visitor.visitorId))
			.getMap<unknown>(VISITOR_DOC_KEYS.profile);
		await eventually(() => {
			const shown = profile.get(VISITOR_PROFILE_KEYS.visitor) as PublicVisitor | undefined;
			expect(shown?.contact?.id).toBe(contact.id);
		});
	});

	it("with a test key too, attaching to an existing contact needs the signature", async () => {
		const externalId = `user-${uuidv7()}`;
		const first = await createVisitor(server, site, "test");
		const second = await createVisitor(server, site, "test");
		const signature = sign(site, externalId);
		const created = await identify(server, first, { externalId, signature });
		const refused = await identify(server, second, { externalId });
		expect(refused.status).toBe(403);
		expect(refused.body.error.code).toBe("identity_verification_failed");
		const attached = await identify(server, second, { externalId, signature });
		expect(attached.status).toBe(200);
		expect(attached.body.contact.id).toBe(created.body.contact.id);
	});

	it("with a live key, refuses to attach to an existing contact without a signature and writes nothing", async () => {
		const externalId = `user-${uuidv7()}`;
		const owner = await createVisitor(server, site, "live");
		expect((await identify(server, owner, { externalId, name: "Owner" })).status).toBe(200);
		const intruder = await createVisitor(server, site, "live");
		const before = await footprint(intruder, externalId);

		const refused = await identify(server, intruder, { externalId, name: "Intruder" });
		expect(refused.status).toBe(403);
		expect(refused.body.error.code).toBe("identity_verification_failed");
		expect(await footprint(intruder, externalId)).toEqual(before);
		expect(before.visitor.contactId).toBeNull();
	});

	it("with a live key, refuses a wrong signature onto an existing contact and writes nothing", async () => {
		const externalId = `user-${uuidv7()}`;
		const owner = await createVisitor(server, site, "live");
		await identify(server, owner, { externalId, signature: sign(site, externalId) });
		const intruder = await createVisitor(server, site, "live");
		const before = await footprint(intruder, externalId);

		for (const signature of [sign(site, `${externalId}x`), "0".repeat(64)]) {
			const refused = await identify(server, intruder, { externalId, signature });
			expect(refused.status).toBe(403);
			expect(refused.body.error.code).toBe("identity_verification_failed");
		}
		expect(await footprint(intruder, externalId)).toEqual(before);
	});

	it("with a live key, attaches with a valid signature", async () => {
		const externalId = `user-${uuidv7()}`;
		const first = await createVisitor(server, site, "live");
		const second = await createVisitor(server, site, "live");
		const created = await identify(server, first, {
			externalId,
			signature: sign(site, externalId),
		});
		expect(created.status).toBe(200);
		const attached = await identify(server, second, {
			externalId,
			signature: sign(site, externalId).toUpperCase(),
		});
		expect(attached.status).toBe(200);
		expect(attached.body.contact.id).toBe(created.body.contact.id);
	});

	it("with a live key, a signed identify takes an externalId over from a contact an unsigned one created", async () => {
		// Anyone can identify first with someone else's externalId; attaching the real person to
		// that contact would show each the other's conversations.
		const externalId = `user-${uuidv7()}`;
		const squatter = await createVisitor(server, site, "live");
		const squatted = await identify(server, squatter, {
			externalId,
			email: `${externalId}@example.test`,
		});
		expect(squatted.status).toBe(200);
		const squatterClient = visitorClient(server, squatter);
		clients.push(squatterClient);
		const conversationId = uuidv7();
		const startId = uuidv7();
		squatterClient.send({
			id: startId,
			type: "conversation.start",
			conversationId,
			initialMessage: { itemId: uuidv7(), parts: [{ type: "text", text: "click this link" }] },
		});
		expect((await squatterClient.result(startId)).status).toBe("applied");

		const owner = await createVisitor(server, site, "live");
		const claimed = await identify(server, owner, {
			externalId,
			email: `${externalId}@example.test`,
			signature: sign(site, externalId),
		});
		expect(claimed.status).toBe(200);
		expect(claimed.body.contact.id).not.toBe(squatted.body.contact.id);
		expect(claimed.body.contact.externalId).toBe(externalId);
		const rows = await db().contact.findMany({
			where: { id: { in: [squatted.body.contact.id, claimed.body.contact.id] } },
			orderBy: { createdAt: "asc" },
		});
		expect(rows.map((row) => [row.externalId, row.email, row.identityVerified])).toEqual([
			[null, null, false],
			[externalId, `${externalId}@example.test`, true],
		]);
		// The squatter keeps its contact and conversation; the owner cannot see them, nor they
		// the owner's.
		const squatterRow = await db().visitor.findUniqueOrThrow({ where: { id: squatter.visitorId } });
		expect(squatterRow.contactId).toBe(squatted.body.contact.id);
		const ownerClient = visitorClient(server, owner);
		clients.push(ownerClient);
		ownerClient.open(DocumentNames.conversation(conversationId));
		await eventually(() =>
			expect(ownerClient.authFailures).toContainEqual({
				document: DocumentNames.conversation(conversationId),
				reason: "forbidden",
			}),
		);
		// Signed again from another device: attaches to the verified contact.
		const phone = await createVisitor(server, site, "live");
		const attached = await identify(server, phone, {
			externalId,
			signature: sign(site, externalId),
		});
		expect(attached.body.contact.id).toBe(claimed.body.contact.id);
	});

	it("with a live key, a signed identify from the visitor that created a contact unsigned verifies it", async () => {
		const externalId = `user-${uuidv7()}`;
		const visitor = await createVisitor(server, site, "live");
		const created = await identify(server, visitor, { externalId, name: "Ada" });
		const signed = await identify(server, visitor, {
			externalId,
			name: "Ada",
			signature: sign(site, externalId),
		});
		expect(signed.status).toBe(200);
		expect(signed.body.contact.id).toBe(created.body.contact.id);
		const row = await db().contact.findUniqueOrThrow({ where: { id: created.body.contact.id } });
		expect(row.identityVerified).toBe(true);
		const phone = await createVisitor(server, site, "live");
		const attached = await identify(server, phone, {
			externalId,
			signature: sign(site, externalId),
		});
		expect(attached.body.contact.id).toBe(created.body.contact.id);
	});

	it("refuses a present but wrong signature even with a test key", async () => {
		const visitor = await createVisitor(server, site, "test");
		const externalId = `user-${uuidv7()}`;
		const refused = await identify(server, visitor, { externalId, signature: "a".repeat(64) });
		expect(refused.status).toBe(403);
		expect(refused.body.error.code).toBe("identity_verification_failed");
		expect(await db().contact.count({ where: { externalId } })).toBe(0);
	});

	it("does not let someone's signed externalId unlock a contact known by email only", async () => {
		const email = `victim-${uuidv7()}@example.test`;
		const victim = await createVisitor(server, site, "live");
		// Verified by its email: an unverified one would give the email up to a signed identify.
		const signedEmail = { email, signature: sign(site, email) };
		expect((await identify(server, victim, signedEmail)).status).toBe(200);
		const attacker = await createVisitor(server, site, "live");
		const externalId = `attacker-${uuidv7()}`;
		const refused = await identify(server, attacker, {
			externalId,
			email,
			signature: sign(site, externalId),
		});
		expect(refused.status).toBe(403);
		expect(refused.body.error.code).toBe("identity_verification_failed");
		const row = await db().visitor.findUniqueOrThrow({ where: { id: attacker.visitorId } });
		expect(row.contactId).toBeNull();
	});

	it("needs a signature on every identify when the website requires verification", async () => {
		const strict = await createTestWebsite(database.db, { identityVerificationRequired: true });
		const visitor = await createVisitor(server, strict, "test");
		const externalId = `user-${uuidv7()}`;
		const refused = await identify(server, visitor, { externalId });
		expect(refused.body.error?.code).toBe("identity_verification_failed");
		const signed = await identify(server, visitor, {
			externalId,
			signature: sign(strict, externalId),
		});
		expect(signed.status).toBe(200);
	});

	it("rejects non-primitive metadata with 400 validation_failed and writes nothing", async () => {
		const visitor = await createVisitor(server, site, "test");
		const externalId = `user-${uuidv7()}`;
		for (const metadata of [{ nested: { a: 1 } }, { list: [1, 2] }, "plan=pro"]) {
			const response = await identify(server, visitor, { externalId, metadata });
			expect(response.status).toBe(400);
			expect(response.body.error.code).toBe("validation_failed");
		}
		expect(await db().contact.count({ where: { externalId } })).toBe(0);
	});

	it("rejects a body without externalId or email, and requests without a valid visitor token", async () => {
		const visitor = await createVisitor(server, site, "test");
		const empty = await identify(server, visitor, { name: "Nobody" });
		expect(empty.status).toBe(400);
		expect(empty.body.error.code).toBe("validation_failed");
		const forged = await identify(
			server,
			{ ...visitor, token: `${visitor.token}x` },
			{
				externalId: "x",
			},
		);
		expect(forged.status).toBe(401);
	});

	it("writes nothing when identify repeats with unchanged metadata (same hash)", async () => {
		const visitor = await createVisitor(server, site, "test");
		const externalId = `user-${uuidv7()}`;
		const metadata = { plan: "pro", mrr: 99, beta: true, churnedAt: null };
		expect((await identify(server, visitor, { externalId, name: "Ada", metadata })).status).toBe(
			200,
		);
		const before = await db().contact.findFirstOrThrow({ where: { externalId } });
		const updatesBefore = await db().docUpdate.count();

		// Same metadata in another key order: same canonical hash, nothing to write.
		const reordered = { churnedAt: null, beta: true, mrr: 99, plan: "pro" };
		const again = await identify(server, visitor, { externalId, name: "Ada", metadata: reordered });
		expect(again.status).toBe(200);
		const after = await db().contact.findFirstOrThrow({ where: { externalId } });
		expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());
		expect(after.metadataHash).toBe(before.metadataHash);
		expect(await db().docUpdate.count()).toBe(updatesBefore);

		// A changed value is written, with its new hash.
		await identify(server, visitor, { externalId, metadata: { ...metadata, plan: "team" } });
		const changed = await db().contact.findFirstOrThrow({ where: { externalId } });
		expect(changed.metadata).toMatchObject({ plan: "team" });
		expect(changed.metadataHash).not.toBe(before.metadataHash);
	});

	it("answers an unchanged identify from one read, and still refuses what the command refuses", async () => {
		const strict = await createTestWebsite(database.db, { identityVerificationRequired: true });
		const visitor = await createVisitor(server, strict, "live");
		const externalId = `user-${uuidv7()}`;
		const signature = sign(strict, externalId);
		const first = await identify(server, visitor, { externalId, name: "Ada", signature });
		expect(first.status).toBe(200);
		const ledgerBefore = await db().commandLedger.count();

		// The same identity again (a page load): same answer, no command.
		const again = await identify(server, visitor, { externalId, name: "Ada", signature });
		expect(again.status).toBe(200);
		expect(again.body).toEqual(first.body);
		expect(await db().commandLedger.count()).toBe(ledgerBefore);

		// Unchanged, but a wrong signature or none (the website requires one): still refused.
		const wrong = await identify(server, visitor, { externalId, signature: "b".repeat(64) });
		expect(wrong.status).toBe(403);
		expect(wrong.body.error.code).toBe("identity_verification_failed");
		const unsigned = await identify(server, visitor, { externalId });
		expect(unsigned.status).toBe(403);

		// A changed name is a command again.
		const renamed = await identify(server, visitor, { externalId, name: "Ada L.", signature });
		expect(renamed.body.contact.name).toBe("Ada L.");
		expect(await db().commandLedger.count()).toBeGreaterThan(ledgerBefore);

		// A blocked visitor gets the command's refusal, not a cached success.
		await db().visitor.update({ where: { id: visitor.visitorId }, data: { isBlocked: true } });
		const blocked = await identify(server, visitor, { externalId, name: "Ada L.", signature });
		expect(blocked.status).toBe(403);
	});
});
