import { performance } from "node:perf_hooks";
import { DocumentNames, type SupportState, VISITOR_DOC_KEYS } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import { eventually } from "./support/eventually.ts";
import {
	api,
	createTestWebsite,
	createVisitor,
	identify,
	mutateFlags,
	profileState,
	sign,
	type TestVisitor,
	type TestWebsite,
	visitorClient,
	visitorHeaders,
} from "./support/support-fixtures.ts";
import type { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { startTestServer } from "./support/test-server.ts";

describe.each(testDatabaseTargets())("support state on $name", (target) => {
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

	/** A signed identify: a verified contact, which another device joins with the signature. */
	const signed = (externalId: string) => ({ externalId, signature: sign(site, externalId) });

	async function state(visitor: TestVisitor): Promise<SupportState> {
		const response = await api(server, "GET", "/support/state", {
			headers: visitorHeaders(visitor),
		});
		expect(response.status).toBe(200);
		return response.body;
	}

	/** An open widget: its outbox and a synced replica of its visitor document. */
	async function widget(visitor: TestVisitor): Promise<TestClient> {
		const client = visitorClient(server, visitor);
		clients.push(client);
		await client.openSynced(DocumentNames.visitor(visitor.visitorId));
		return client;
	}

	/** Sends an onboarding command through the outbox and waits for its result. */
	async function onboarding(client: TestClient, command: Record<string, unknown>) {
		const id = uuidv7();
		client.send({ id, ...command });
		return client.result(id);
	}

	/** A contact in an organization, with one identified visitor. */
	async function contactInOrganization() {
		const visitor = await createVisitor(server, site);
		const identified = await identify(server, visitor, { externalId: `user-${uuidv7()}` });
		const contactId: string = identified.body.contact.id;
		const organizationId = uuidv7();
		await db().contactOrganization.create({
			data: { id: organizationId, websiteId: site.websiteId, name: "Acme" },
		});
		await db().contact.update({ where: { id: contactId }, data: { organizationId } });
		return { visitor, contactId, organizationId };
	}

	it("starts empty", async () => {
		expect(await state(await createVisitor(server, site))).toEqual({
			featureFlags: [],
			onboarding: {},
		});
	});

	it("enables a flag when the visitor, the contact or the organization has it (union)", async () => {
		const { visitor, contactId, organizationId } = await contactInOrganization();
		const key = site.privateKey;
		const calls = [
			{
				target: { type: "visitor", id: visitor.visitorId },
				operation: "add",
				flags: ["v-only", "shared"],
			},
			{ target: { type: "contact", id: contactId }, operation: "set", flags: ["c-only", "shared"] },
			{
				target: { type: "contactOrganization", id: organizationId },
				operation: "add",
				flags: ["o-only"],
			},
		];
		for (const body of calls) expect((await mutateFlags(server, key, body)).status).toBe(200);
		expect((await state(visitor)).featureFlags).toEqual(["c-only", "o-only", "shared", "v-only"]);

		// Removing "shared" from the visitor keeps it enabled: the contact still has it.
		const removed = await mutateFlags(server, key, {
			target: { type: "visitor", id: visitor.visitorId },
			operation: "remove",
			flags: ["shared"],
		});
		expect(removed.body).toEqual({
			target: { type: "visitor", id: visitor.visitorId },
			featureFlags: ["v-only"],
		});
		expect((await state(visitor)).featureFlags).toEqual(["c-only", "o-only", "shared", "v-only"]);
		const org = await db().contactOrganization.findUniqueOrThrow({ where: { id: organizationId } });
		expect(org.featureFlags).toEqual(["o-only"]);
	});

	it("pushes a REST flag change into the open widget's visitor document in realtime", async () => {
		const { visitor, organizationId } = await contactInOrganization();
		const client = await widget(visitor);
		const profile = client
			.doc(DocumentNames.visitor(visitor.visitorId))
			.getMap<unknown>(VISITOR_DOC_KEYS.profile);
		/** Resolves with the time the widget's replica shows `flag`. */
		const arrival = (flag: string) =>
			new Promise<number>((resolve) => {
				const observer = () => {
					if (profileState(client, visitor.visitorId)?.featureFlags.includes(flag)) {
						profile.unobserve(observer);
						resolve(performance.now());
					}
				};
				profile.observe(observer);
			});

		// From the backend's PATCH (organization level, so the change fans out through the
		// contact) to the widget's replica; the first sample includes cold caches.
		const delays: number[] = [];
		for (let i = 0; i < 8; i++) {
			const flag = `new-message-${i}`;
			const arrived = arrival(flag);
			const start = performance.now();
			const response = await mutateFlags(server, site.privateKey, {
				target: { type: "contactOrganization", id: organizationId },
				operation: "add",
				flags: [flag],
			});
			expect(response.status).toBe(200);
			delays.push((await arrived) - start);
		}
		const warm = delays.slice(1).sort((a, b) => a - b);
		const median = warm[Math.floor(warm.length / 2)] ?? 0;
		console.log(
			`flag change → widget (${target.name}): median ${median.toFixed(1)} ms, ` +
				`max ${Math.max(...warm).toFixed(1)} ms, first ${delays[0]?.toFixed(1)} ms`,
		);
		expect(median).toBeLessThan(1_000);
		expect(profileState(client, visitor.visitorId)?.featureFlags).toHaveLength(8);
	});

	it("refuses the flag mutation without a private key, with a public key or a revoked key", async () => {
		const visitor = await createVisitor(server, site);
		const body = {
			target: { type: "visitor", id: visitor.visitorId },
			operation: "add",
			flags: ["x"],
		};
		const missing = await api(server, "PATCH", "/support/feature-flags", { body });
		expect(missing.status).toBe(401);
		expect(missing.body.error.code).toBe("unauthorized");
		const publicKey = await mutateFlags(server, site.liveKey, body);
		expect(publicKey.status).toBe(403);
		expect(publicKey.body.error.code).toBe("private_key_required");

		const revokedSite = await createTestWebsite(database.db);
		await db().apiKey.update({
			where: { id: revokedSite.privateKeyId },
			data: { revokedAt: new Date() },
		});
		const revoked = await mutateFlags(server, revokedSite.privateKey, body);
		expect(revoked.status).toBe(401);
		expect(revoked.body.error.code).toBe("invalid_api_key");

		const row = await db().visitor.findUniqueOrThrow({ where: { id: visitor.visitorId } });
		expect(row.featureFlags).toEqual([]);
	});

	it("answers 404 for an unknown target or one of another website, 400 for a bad body", async () => {
		const other = await createTestWebsite(database.db);
		const visitor = await createVisitor(server, site);
		const foreign = await mutateFlags(server, other.privateKey, {
			target: { type: "visitor", id: visitor.visitorId },
			operation: "add",
			flags: ["x"],
		});
		expect(foreign.status).toBe(404);
		expect(foreign.body.error.code).toBe("not_found");
		const unknown = await mutateFlags(server, site.privateKey, {
			target: { type: "contact", id: uuidv7() },
			operation: "set",
			flags: [],
		});
		expect(unknown.status).toBe(404);
		const bad = await mutateFlags(server, site.privateKey, {
			target: { type: "team", id: "x" },
			operation: "add",
			flags: ["has space"],
		});
		expect(bad.status).toBe(400);
		expect(bad.body.error.code).toBe("validation_failed");
		const row = await db().visitor.findUniqueOrThrow({ where: { id: visitor.visitorId } });
		expect(row.featureFlags).toEqual([]);
	});

	it("stores an anonymous visitor's onboarding on the visitor: setMetadata replaces, null clears", async () => {
		const visitor = await createVisitor(server, site);
		const client = await widget(visitor);
		const workspace = { workspaceName: "Acme" };
		expect(
			await onboarding(client, {
				type: "onboarding.setMetadata",
				stepId: "workspace",
				metadata: workspace,
			}),
		).toMatchObject({ status: "applied" });
		await onboarding(client, {
			type: "onboarding.setMetadata",
			stepId: "workspace",
			metadata: { workspaceName: "Acme 2" },
		});
		await onboarding(client, { type: "onboarding.completeStep", stepId: "workspace" });
		await onboarding(client, {
			type: "onboarding.setMetadata",
			stepId: "invite-team",
			metadata: { invitedEmails: ["a@b.test"] },
		});
		await onboarding(client, {
			type: "onboarding.setMetadata",
			stepId: "invite-team",
			metadata: null,
		});

		const expected = {
			workspace: { completed: true, metadata: { workspaceName: "Acme 2" } },
			"invite-team": { completed: false, metadata: null },
		};
		expect((await state(visitor)).onboarding).toEqual(expected);
		const row = await db().visitor.findUniqueOrThrow({ where: { id: visitor.visitorId } });
		expect(row.onboarding).toEqual(expected);
		await eventually(() =>
			expect(profileState(client, visitor.visitorId)?.onboarding).toEqual(expected),
		);
	});

	describe("onboarding copy rules on identify", () => {
		async function visitorWithProgress(stepId: string) {
			const visitor = await createVisitor(server, site);
			const client = await widget(visitor);
			await onboarding(client, { type: "onboarding.completeStep", stepId });
			return { visitor, client };
		}

		it("copies the visitor's progress to a new contact", async () => {
			const { visitor } = await visitorWithProgress("workspace");
			const identified = await identify(server, visitor, { externalId: `user-${uuidv7()}` });
			const contact = await db().contact.findUniqueOrThrow({
				where: { id: identified.body.contact.id },
			});
			expect(contact.onboarding).toEqual({ workspace: { completed: true, metadata: null } });
		});

		it("copies the visitor's progress to an existing contact that has none", async () => {
			const externalId = `user-${uuidv7()}`;
			const first = await createVisitor(server, site);
			await identify(server, first, signed(externalId));
			const { visitor } = await visitorWithProgress("invite-team");
			const attached = await identify(server, visitor, signed(externalId));
			const contact = await db().contact.findUniqueOrThrow({
				where: { id: attached.body.contact.id },
			});
			expect(contact.onboarding).toEqual({ "invite-team": { completed: true, metadata: null } });
			expect((await state(first)).onboarding).toEqual(contact.onboarding);
		});

		it("keeps the contact's own progress when it has some (the contact's state wins)", async () => {
			const externalId = `user-${uuidv7()}`;
			const { visitor: first } = await visitorWithProgress("workspace");
			await identify(server, first, signed(externalId));
			const { visitor: second, client } = await visitorWithProgress("done");
			await identify(server, second, signed(externalId));

			const contact = await db().contact.findFirstOrThrow({ where: { externalId } });
			expect(contact.onboarding).toEqual({ workspace: { completed: true, metadata: null } });
			// The second device's anonymous progress stays on its visitor row, unused.
			const row = await db().visitor.findUniqueOrThrow({ where: { id: second.visitorId } });
			expect(row.onboarding).toEqual({ done: { completed: true, metadata: null } });
			expect((await state(second)).onboarding).toEqual(contact.onboarding);
			await eventually(() =>
				expect(profileState(client, second.visitorId)?.onboarding).toEqual(contact.onboarding),
			);
		});

		it("once identified, stores progress on the contact and every device sees it", async () => {
			const externalId = `user-${uuidv7()}`;
			const first = await createVisitor(server, site);
			const second = await createVisitor(server, site);
			await identify(server, first, signed(externalId));
			await identify(server, second, signed(externalId));
			const firstClient = await widget(first);
			const secondClient = await widget(second);
			await onboarding(firstClient, { type: "onboarding.completeStep", stepId: "workspace" });

			const expected = { workspace: { completed: true, metadata: null } };
			const contact = await db().contact.findFirstOrThrow({ where: { externalId } });
			expect(contact.onboarding).toEqual(expected);
			const row = await db().visitor.findUniqueOrThrow({ where: { id: first.visitorId } });
			expect(row.onboarding).toEqual({});
			await eventually(() =>
				expect(profileState(secondClient, second.visitorId)?.onboarding).toEqual(expected),
			);
		});
	});
});
