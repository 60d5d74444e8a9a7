// Visitors' blocks, contacts and organizations through the private REST API. Changes are
// commands: a block closes the visitor's sockets, a contact's name and metadata reach every
// device's `profile` live, unchanged metadata writes nothing, and moving a contact into an
// organization changes its devices' effective flags.

import {
	CloseCodes,
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
	createVisitor,
	docUpdateCount,
	identify,
	mutateFlags,
	profileState,
	visitorClient,
} from "./support/support-fixtures.ts";
import {
	createTeamSite,
	ok,
	type TeamApi,
	type TeamSite,
	teamApi,
	visitorWithConversation,
} from "./support/team-fixtures.ts";
import type { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { startTestServer } from "./support/test-server.ts";

describe.each(testDatabaseTargets())(
	"visitors, contacts and organizations API on $name",
	(target) => {
		let database: TestDatabase;
		let server: SyncServer;
		let site: TeamSite;
		let backend: TeamApi;
		let agent: TeamApi;
		const clients: TestClient[] = [];

		beforeAll(async () => {
			database = await target.create();
			server = await startTestServer(database.db);
			site = await createTeamSite(server);
			backend = teamApi(server, site.privateKey);
			agent = teamApi(server, site.agent.token);
		});
		afterAll(async () => {
			for (const client of clients) client.destroy();
			await server.stop();
			await database.drop();
		});

		/** An identified visitor with an open widget (its visitor document synced). */
		async function identifiedWidget(externalId: string) {
			const visitor = await createVisitor(server, site);
			const identified = ok(await identify(server, visitor, { externalId, name: "Ann" }));
			const client = visitorClient(server, visitor);
			clients.push(client);
			await client.openSynced(DocumentNames.visitor(visitor.visitorId));
			return { visitor, client, contactId: identified.contact.id as string };
		}

		const profileVisitor = (client: TestClient, visitorId: string) =>
			client
				.doc(DocumentNames.visitor(visitorId))
				.getMap<unknown>(VISITOR_DOC_KEYS.profile)
				.get(VISITOR_PROFILE_KEYS.visitor) as PublicVisitor | undefined;

		it("blocks and unblocks a visitor: sockets close, an event is recorded, the answer says so", async () => {
			const { visitor, client, conversationId } = await visitorWithConversation(
				server,
				site,
				clients,
			);
			const blocked = await backend.post(`/visitors/${visitor.visitorId}/block`, {
				conversationId,
			});
			expect(blocked.status).toBe(200);
			expect(blocked.body.visitor).toMatchObject({ id: visitor.visitorId, isBlocked: true });
			expect(blocked.body.visitor.blockedAt).toEqual(expect.any(String));
			await eventually(() =>
				expect(client.closeEvents[0]).toEqual({
					code: CloseCodes.Forbidden,
					reason: "visitor_blocked",
				}),
			);
			const unblocked = await agent.post(`/visitors/${visitor.visitorId}/unblock`);
			expect(unblocked.body.visitor).toMatchObject({ isBlocked: false, blockedAt: null });
			const events = await database.db.prisma.timelineItem.findMany({
				where: { conversationId, type: "event" },
			});
			expect(events.map((e) => (e.parts as Array<{ eventType: string }>)[0]?.eventType)).toEqual([
				"visitor_blocked",
			]);

			expect((await agent.post(`/visitors/${uuidv7()}/block`)).status).toBe(404);
			const foreignConversation = await agent.post(`/visitors/${visitor.visitorId}/block`, {
				conversationId: uuidv7(),
			});
			expect(foreignConversation.status).toBe(404);
			expect(
				(await agent.post(`/visitors/${visitor.visitorId}/block`, { reason: "x" })).status,
			).toBe(400);
		});

		it("reads and changes a contact; its devices see the change live; unchanged metadata writes nothing", async () => {
			const { visitor, client, contactId } = await identifiedWidget(`ext-${uuidv7()}`);
			const read = ok(await agent.get(`/contacts/${contactId}`));
			expect(read.contact).toMatchObject({ id: contactId, name: "Ann", organizationId: null });

			const patched = ok(
				await backend.patch(`/contacts/${contactId}`, {
					name: "Ann Smith",
					email: "Ann@Example.COM",
					metadata: { plan: "pro", seats: 3 },
				}),
			);
			expect(patched.contact).toMatchObject({
				name: "Ann Smith",
				email: "ann@example.com",
				metadata: { plan: "pro", seats: 3 },
			});
			await eventually(() =>
				expect(profileVisitor(client, visitor.visitorId)?.contact).toMatchObject({
					name: "Ann Smith",
					metadata: { plan: "pro", seats: 3 },
				}),
			);

			const docName = DocumentNames.visitor(visitor.visitorId);
			const updates = await docUpdateCount(database.db, docName);
			const row = await database.db.prisma.contact.findUniqueOrThrow({ where: { id: contactId } });
			// Same metadata in another key order: same hash, nothing written.
			ok(await agent.patch(`/contacts/${contactId}`, { metadata: { seats: 3, plan: "pro" } }));
			const after = await database.db.prisma.contact.findUniqueOrThrow({
				where: { id: contactId },
			});
			expect(after.updatedAt).toEqual(row.updatedAt);
			expect(await docUpdateCount(database.db, docName)).toBe(updates);

			// Clearing with null; another contact's email is a conflict; bad values are 400.
			const cleared = ok(await agent.patch(`/contacts/${contactId}`, { image: null, name: null }));
			expect(cleared.contact).toMatchObject({ name: null, image: null });
			const other = await identifiedWidget(`ext-${uuidv7()}`);
			const taken = await agent.patch(`/contacts/${other.contactId}`, { email: "ann@example.com" });
			expect(taken.status).toBe(409);
			for (const body of [
				{},
				{ metadata: { nested: { no: true } } },
				{ image: "javascript:alert(1)" },
				{ email: "nope" },
				{ featureFlags: ["x"] },
			]) {
				expect((await agent.patch(`/contacts/${contactId}`, body)).status).toBe(400);
			}
			expect((await agent.get(`/contacts/${uuidv7()}`)).status).toBe(404);
		});

		it("creates, lists and updates organizations; a contact moved into one gets its flags live", async () => {
			const externalId = `org-${uuidv7()}`;
			const created = await backend.post("/organizations", {
				name: "Acme",
				externalId,
				metadata: { tier: "gold" },
			});
			expect(created.status).toBe(201);
			const org = created.body.organization;
			expect(org).toMatchObject({
				name: "Acme",
				externalId,
				metadata: { tier: "gold" },
				featureFlags: [],
			});
			expect((await agent.post("/organizations", { name: "Dup", externalId })).status).toBe(409);

			ok(
				await mutateFlags(server, site.privateKey, {
					target: { type: "contactOrganization", id: org.id },
					operation: "set",
					flags: ["beta-dashboard"],
				}),
			);
			const { visitor, client, contactId } = await identifiedWidget(`ext-${uuidv7()}`);
			const moved = ok(await agent.patch(`/contacts/${contactId}`, { organizationId: org.id }));
			expect(moved.contact.organizationId).toBe(org.id);
			await eventually(() =>
				expect(profileState(client, visitor.visitorId)?.featureFlags).toEqual(["beta-dashboard"]),
			);
			ok(await agent.patch(`/contacts/${contactId}`, { organizationId: null }));
			await eventually(() =>
				expect(profileState(client, visitor.visitorId)?.featureFlags).toEqual([]),
			);
			expect(
				(await agent.patch(`/contacts/${contactId}`, { organizationId: uuidv7() })).status,
			).toBe(404);

			const renamed = ok(
				await agent.patch(`/organizations/${org.id}`, { name: "Acme Inc", externalId: null }),
			);
			expect(renamed.organization).toMatchObject({ name: "Acme Inc", externalId: null });
			expect(ok(await backend.get(`/organizations/${org.id}`)).organization.name).toBe("Acme Inc");

			// Listing pages in creation order.
			for (let i = 0; i < 4; i += 1) ok(await backend.post("/organizations", { name: `Org ${i}` }));
			const names: string[] = [];
			let cursor: string | null = null;
			do {
				const page = ok(
					await agent.get(`/organizations?limit=2${cursor ? `&cursor=${cursor}` : ""}`),
				);
				names.push(...page.organizations.map((o: { name: string }) => o.name));
				cursor = page.nextCursor;
			} while (cursor);
			expect(names).toEqual(["Acme Inc", "Org 0", "Org 1", "Org 2", "Org 3"]);
			const byExternal = ok(
				await backend.post("/organizations", { name: "Ext", externalId: "e-1" }),
			);
			expect(ok(await agent.get("/organizations?externalId=e-1")).organizations).toEqual([
				byExternal.organization,
			]);

			for (const body of [{}, { name: "" }, { name: "x".repeat(256) }, { featureFlags: ["a"] }]) {
				expect((await agent.patch(`/organizations/${org.id}`, body)).status).toBe(400);
			}
			expect((await agent.post("/organizations", { externalId: "no-name" })).status).toBe(400);
			expect(
				(await agent.post("/organizations", { name: "Elsewhere", websiteId: uuidv7() })).status,
			).toBe(404);
			expect((await agent.get(`/organizations/${uuidv7()}`)).status).toBe(404);
		});
	},
);
