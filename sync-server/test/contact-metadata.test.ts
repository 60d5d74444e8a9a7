import { createHash } from "node:crypto";
import { canonicalMetadataJson } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VisitorPrincipal } from "../src/auth/principal.ts";
import type { SyncServer } from "../src/server.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor, startTestServer } from "./support/test-server.ts";

describe.each(testDatabaseTargets())("contact metadata on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
	});
	afterAll(async () => {
		await server.stop();
		await database.drop();
	});

	async function visitor(): Promise<VisitorPrincipal> {
		const boot = await bootstrapVisitor(server, server.demo?.publicKey ?? "");
		return { kind: "visitor", visitorId: boot.visitor.id, websiteId: boot.website.id };
	}

	it("rejects non-primitive metadata with a clear reason and writes nothing", async () => {
		const principal = await visitor();
		for (const metadata of [
			{ nested: { a: 1 } },
			{ list: [1, 2] },
			{ fn: "x".repeat(2_000) },
			"plan=pro",
		]) {
			const result = await server.pipeline.submit(principal, {
				id: uuidv7(),
				type: "contact.setMetadata",
				metadata,
			});
			expect(result).toMatchObject({ status: "rejected", code: "invalid_command" });
			expect(result.status === "rejected" && result.reason).toMatch(/metadata/);
		}
		expect(await database.db.prisma.contact.count()).toBe(0);
	});

	it("asks an anonymous visitor to identify first", async () => {
		const result = await server.pipeline.submit(await visitor(), {
			id: uuidv7(),
			type: "contact.setMetadata",
			metadata: { plan: "pro" },
		});
		expect(result).toMatchObject({ status: "rejected", code: "not_found" });
		expect(result.status === "rejected" && result.reason).toMatch(/identify/);
	});

	it("sets the metadata of a contact that identify created earlier in the same batch", async () => {
		// A widget sends identify() then setMetadata(): while the pipeline is busy with another
		// batch both wait in its queue and run together, the contact existing only in memory.
		const [other, principal] = [await visitor(), await visitor()];
		const externalId = `user-${uuidv7()}`;
		const metadata = { plan: "pro", seats: 3 };
		// Submitted in one tick: the first runs alone, the other two queue behind it.
		const [, identified, stored] = await Promise.all([
			server.pipeline.submit(other, {
				id: uuidv7(),
				type: "contact.setMetadata",
				metadata: { plan: "free" },
			}),
			server.pipeline.submit(principal, { id: uuidv7(), type: "contact.identify", externalId }),
			server.pipeline.submit(principal, { id: uuidv7(), type: "contact.setMetadata", metadata }),
		]);
		expect(identified).toMatchObject({ status: "applied" });
		expect(stored).toMatchObject({ status: "applied" });
		const contact = await database.db.prisma.contact.findFirstOrThrow({ where: { externalId } });
		expect(contact.metadata).toEqual(metadata);
		expect(contact.metadataHash).toBe(
			createHash("sha256").update(canonicalMetadataJson(metadata)).digest("hex"),
		);
	});

	it("stores primitive metadata with its hash and skips the write when the hash is unchanged", async () => {
		const principal = await visitor();
		const contactId = uuidv7();
		await database.db.prisma.contact.create({
			data: { id: contactId, websiteId: principal.websiteId, externalId: `user-${contactId}` },
		});
		await database.db.prisma.visitor.update({
			where: { id: principal.visitorId },
			data: { contactId },
		});

		const metadata = { plan: "pro", mrr: 99, beta: true, churnedAt: null };
		const applied = await server.pipeline.submit(principal, {
			id: uuidv7(),
			type: "contact.setMetadata",
			metadata,
		});
		expect(applied).toMatchObject({ status: "applied" });
		const stored = await database.db.prisma.contact.findUniqueOrThrow({ where: { id: contactId } });
		expect(stored.metadata).toEqual(metadata);
		expect(stored.metadataHash).toBe(
			createHash("sha256").update(canonicalMetadataJson(metadata)).digest("hex"),
		);

		// Same metadata, other key order: same hash, no write (updatedAt unchanged).
		const reordered = { churnedAt: null, beta: true, mrr: 99, plan: "pro" };
		const again = await server.pipeline.submit(principal, {
			id: uuidv7(),
			type: "contact.setMetadata",
			metadata: reordered,
		});
		expect(again).toMatchObject({ status: "applied" });
		const after = await database.db.prisma.contact.findUniqueOrThrow({ where: { id: contactId } });
		expect(after.updatedAt.getTime()).toBe(stored.updatedAt.getTime());
	});
});
