// The routes the agents' dashboard needs beyond the backend API: a visitor's device (from the
// User-Agent it bootstrapped with), a contact's visitors, feature flags with an agent session,
// agents' roles and withdrawing an invitation. Each is scoped to the caller's websites.

import {
	agentListResponseSchema,
	contactVisitorsResponseSchema,
	featureFlagsResponseSchema,
	HEADERS,
	visitorDetailResponseSchema,
	type WebsiteBootstrapResponse,
} from "@cossistant/types";
import * as v from "valibot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import { rest } from "./support/rest.ts";
import { identify, SITE_ORIGIN, sign, type TestVisitor } from "./support/support-fixtures.ts";
import {
	addAgent,
	createTeamSite,
	ok,
	type TeamApi,
	type TeamSite,
	teamApi,
} from "./support/team-fixtures.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { startTestServer } from "./support/test-server.ts";

const MAC_CHROME =
	"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const IPHONE_SAFARI =
	"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

describe.each(testDatabaseTargets())("dashboard routes on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let site: TeamSite;
	let other: TeamSite;
	let admin: TeamApi;
	let outsider: TeamApi;

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
		site = await createTeamSite(server);
		other = await createTeamSite(server, "Olga");
		admin = teamApi(server, site.agent.token);
		outsider = teamApi(server, other.agent.token);
	});
	afterAll(async () => {
		await server.stop();
		await database.drop();
	});

	/** A visitor bootstrapped by a browser with `userAgent`, as the widget does. */
	async function browserVisitor(userAgent: string): Promise<TestVisitor> {
		const response = await fetch(`${server.apiUrl}/websites`, {
			headers: { [HEADERS.publicKey]: site.testKey, origin: SITE_ORIGIN, "user-agent": userAgent },
		});
		const boot = (await response.json()) as WebsiteBootstrapResponse;
		return {
			visitorId: boot.visitor.id,
			token: boot.visitorToken,
			publicKey: site.testKey,
			websiteId: site.websiteId,
		};
	}

	it("reads a visitor with its browser, OS and device type; other websites get 404", async () => {
		const visitor = await browserVisitor(MAC_CHROME);
		const body = v.parse(
			visitorDetailResponseSchema,
			ok(await admin.get(`/visitors/${visitor.visitorId}`)),
		);
		expect(body.visitor.id).toBe(visitor.visitorId);
		expect(body.visitor.device).toEqual({
			userAgent: MAC_CHROME,
			browser: "Chrome 131",
			os: "macOS",
			deviceType: "desktop",
		});
		const foreign = await outsider.get(`/visitors/${visitor.visitorId}`);
		expect(foreign.status).toBe(404);
		expect(foreign.body.error.code).toBe("not_found");
	});

	it("lists a contact's visitors (devices), most recently seen first", async () => {
		const laptop = await browserVisitor(MAC_CHROME);
		const phone = await browserVisitor(IPHONE_SAFARI);
		const signature = sign(site, "devices-1");
		const first = ok(
			await identify(server, laptop, { externalId: "devices-1", name: "Ann", signature }),
		);
		ok(await identify(server, phone, { externalId: "devices-1", signature }));
		const contactId = first.contact.id as string;

		const body = v.parse(
			contactVisitorsResponseSchema,
			ok(await admin.get(`/contacts/${contactId}/visitors`)),
		);
		expect(body.visitors.map((each) => each.id).sort()).toEqual(
			[laptop.visitorId, phone.visitorId].sort(),
		);
		const iphone = body.visitors.find((each) => each.id === phone.visitorId);
		expect(iphone?.device).toMatchObject({
			browser: "Safari 18",
			os: "iOS 18",
			deviceType: "mobile",
		});
		expect((await outsider.get(`/contacts/${contactId}/visitors`)).status).toBe(404);
	});

	it("shows and changes feature flags with an agent session; agents who are not admins only read", async () => {
		const visitor = await browserVisitor(MAC_CHROME);
		const path = `/feature-flags/visitor/${visitor.visitorId}`;
		expect(v.parse(featureFlagsResponseSchema, ok(await admin.get(path))).featureFlags).toEqual([]);

		const added = ok(await admin.patch(path, { operation: "add", flags: ["beta", "alpha"] }));
		expect(added.featureFlags).toEqual(["alpha", "beta"]);
		ok(await admin.patch(path, { operation: "remove", flags: ["alpha"] }));
		expect(ok(await admin.get(path)).featureFlags).toEqual(["beta"]);

		const agent = teamApi(server, (await addAgent(server, site, "Bob")).token);
		expect(ok(await agent.get(path)).featureFlags).toEqual(["beta"]);
		const refused = await agent.patch(path, { operation: "add", flags: ["gamma"] });
		expect(refused.status).toBe(403);
		expect(refused.body.error.code).toBe("forbidden");

		const bad = await admin.patch(path, { operation: "add", flags: ["no spaces"] });
		expect(bad.status).toBe(400);
		expect(bad.body.error.code).toBe("validation_failed");
		expect((await admin.get(`/feature-flags/planet/${visitor.visitorId}`)).status).toBe(404);
		expect((await outsider.get(path)).status).toBe(404);
		expect((await outsider.patch(path, { operation: "set", flags: [] })).status).toBe(404);
	});

	it("changes an agent's role, never leaving a website without an admin", async () => {
		const bob = await addAgent(server, site, "Bob");
		const rolePath = `/websites/${site.websiteId}/agents/${bob.user.id}`;
		expect(ok(await admin.patch(rolePath, { role: "admin" })).agent.role).toBe("admin");
		// Bob, now an admin, may manage keys.
		const keys = await rest(server, "GET", `/websites/${site.websiteId}/api-keys`, {
			token: bob.token,
		});
		expect(keys.status).toBe(200);
		expect(ok(await admin.patch(rolePath, { role: "agent" })).agent.role).toBe("agent");

		const self = await admin.patch(`/websites/${site.websiteId}/agents/${site.agent.user.id}`, {
			role: "agent",
		});
		expect(self.status).toBe(409);
		expect(self.body.error.code).toBe("conflict");

		const invalid = await admin.patch(rolePath, { role: "owner" });
		expect(invalid.status).toBe(400);
		const notMember = await outsider.patch(`/websites/${other.websiteId}/agents/${bob.user.id}`, {
			role: "admin",
		});
		expect(notMember.status).toBe(404);
	});

	it("changes the role on this website only for an agent who also works on another", async () => {
		const bob = await addAgent(server, site, "Shared Bob");
		await server.db.prisma.websiteMember.create({
			data: { websiteId: other.websiteId, userId: bob.user.id, role: "agent" },
		});
		const changed = await admin.patch(`/websites/${site.websiteId}/agents/${bob.user.id}`, {
			role: "admin",
		});
		expect(ok(changed).agent.role).toBe("admin");
		const membership = await server.db.prisma.websiteMember.findUniqueOrThrow({
			where: { websiteId_userId: { websiteId: other.websiteId, userId: bob.user.id } },
		});
		expect(membership.role).toBe("agent");
		// An admin of the other website does not become one here by being an admin there.
		const keys = await rest(server, "GET", `/websites/${other.websiteId}/api-keys`, {
			token: bob.token,
		});
		expect(keys.status).toBe(403);
	});

	it("withdraws a pending invitation: it is no longer listed and its token is refused", async () => {
		const created = ok(
			await admin.post(`/websites/${site.websiteId}/agents`, {
				email: "invitee@example.com",
				name: "Invitee",
				role: "agent",
			}),
		);
		const invitationId = created.invitation.id as string;
		const path = `/websites/${site.websiteId}/invitations/${invitationId}`;
		expect((await outsider.get(`/websites/${site.websiteId}/agents`)).status).toBe(404);
		const removed = await rest(server, "DELETE", path, { token: site.agent.token });
		expect(removed.status).toBe(204);
		const list = v.parse(
			agentListResponseSchema,
			ok(await admin.get(`/websites/${site.websiteId}/agents`)),
		);
		expect(list.invitations.map((i) => i.id)).not.toContain(invitationId);
		const accepted = await rest(server, "POST", "/auth/accept-invite", {
			body: { token: created.inviteToken, password: "a long password!" },
		});
		expect(accepted.status).toBe(404);
		const again = await rest(server, "DELETE", path, { token: site.agent.token });
		expect(again.status).toBe(404);
	});
});
