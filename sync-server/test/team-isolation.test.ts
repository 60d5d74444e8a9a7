// Tenancy and credentials of the private REST API, over every route it mounts (walked from
// Express' router, so a new route is covered without editing this file): another website's
// backend or agent gets 404 for this website's ids and writes nothing; a visitor's credentials
// (public key + visitor token, or the token as a bearer) and public keys are refused.

import { HEADERS } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VisitorPrincipal } from "../src/auth/principal.ts";
import { mountedRoutes } from "../src/http/openapi/mounted-routes.ts";
import type { SyncServer } from "../src/server.ts";
import { rest } from "./support/rest.ts";
import { SITE_ORIGIN, type TestVisitor } from "./support/support-fixtures.ts";
import {
	createTeamSite,
	ok,
	type TeamSite,
	teamApi,
	visitorWithConversation,
} from "./support/team-fixtures.ts";
import type { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { startTestServer } from "./support/test-server.ts";

/** The private API's routes: everything under these prefixes (identify is the widget's). */
const PRIVATE_PREFIXES = ["/v1/conversations", "/v1/visitors/", "/v1/organizations"];
const isPrivateRoute = (path: string) =>
	PRIVATE_PREFIXES.some((prefix) => path.startsWith(prefix)) || path === "/v1/contacts/:contactId";

/** A body each write would accept from its owner (so a refusal is about credentials, not shape). */
function bodyFor(method: string, path: string, ids: Record<string, string>): unknown {
	if (method === "get") return undefined;
	if (path === "/v1/conversations") return { visitorId: ids.visitorId, message: { text: "hi" } };
	if (path.endsWith("/messages")) return { text: "intruder", visibility: "private" };
	if (path.startsWith("/v1/conversations/")) return { status: "resolved", tags: { add: ["x"] } };
	if (path.startsWith("/v1/visitors/")) return {};
	if (path.startsWith("/v1/contacts/")) return { name: "Mallory", metadata: { owned: true } };
	if (path === "/v1/organizations") return { name: "Evil Corp" };
	return { name: "Renamed by someone else" };
}

describe.each(testDatabaseTargets())("private API isolation on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let owner: TeamSite;
	let stranger: TeamSite;
	let visitor: TestVisitor;
	let routes: Array<{ method: string; path: string }>;
	const ids: Record<string, string> = {};
	const clients: TestClient[] = [];

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
		owner = await createTeamSite(server, "Owner");
		stranger = await createTeamSite(server, "Stranger");
		const started = await visitorWithConversation(server, owner, clients);
		visitor = started.visitor;
		ids.visitorId = visitor.visitorId;
		ids.conversationId = started.conversationId;
		const identified = await rest(server, "POST", "/contacts/identify", {
			headers: {
				[HEADERS.publicKey]: visitor.publicKey,
				[HEADERS.visitorToken]: visitor.token,
				origin: SITE_ORIGIN,
			},
			body: { externalId: "owner-user" },
		});
		ids.contactId = ok(identified).contact.id;
		ids.organizationId = ok(
			await teamApi(server, owner.privateKey).post("/organizations", { name: "Acme" }),
		).organization.id;
		routes = mountedRoutes(server.app).filter((route) => isPrivateRoute(route.path));
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		await server.stop();
		await database.drop();
	});

	const pathOf = (path: string) =>
		path.replace(/^\/v1/, "").replace(/:([A-Za-z]+)/g, (_, name: string) => ids[name] ?? "missing");

	/** Rows an intruder could have written. */
	async function footprint() {
		const prisma = database.db.prisma;
		const [items, conversations, organizations, contact, visitorRow, conversation] =
			await Promise.all([
				prisma.timelineItem.count(),
				prisma.conversation.count(),
				prisma.contactOrganization.count(),
				prisma.contact.findUniqueOrThrow({ where: { id: ids.contactId } }),
				prisma.visitor.findUniqueOrThrow({ where: { id: ids.visitorId } }),
				prisma.conversation.findUniqueOrThrow({ where: { id: ids.conversationId } }),
			]);
		return { items, conversations, organizations, contact, visitorRow, conversation };
	}

	it("covers every private route", () => {
		expect(routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort()).toEqual(
			[
				"GET /v1/contacts/:contactId",
				"GET /v1/conversations",
				"GET /v1/conversations/:conversationId",
				"GET /v1/organizations",
				"GET /v1/organizations/:organizationId",
				"GET /v1/visitors/:visitorId",
				"PATCH /v1/contacts/:contactId",
				"PATCH /v1/conversations/:conversationId",
				"PATCH /v1/organizations/:organizationId",
				"POST /v1/conversations",
				"POST /v1/conversations/:conversationId/messages",
				"POST /v1/organizations",
				"POST /v1/visitors/:visitorId/block",
				"POST /v1/visitors/:visitorId/unblock",
			].sort(),
		);
	});

	it("answers another website's backend and agents 404 for this website's ids and writes nothing", async () => {
		const before = await footprint();
		for (const token of [stranger.privateKey, stranger.agent.token]) {
			for (const { method, path } of routes) {
				const body = bodyFor(method, path, ids);
				const response = await rest(server, method.toUpperCase(), pathOf(path), { token, body });
				const where = `${method.toUpperCase()} ${path}`;
				if (path === "/v1/conversations" && method === "get") {
					// The list answers, without the owner's conversations.
					expect(response.status, where).toBe(200);
					expect(response.body.conversations, where).toEqual([]);
				} else if (path === "/v1/organizations") {
					// Listing and creating act on the stranger's own website only.
					expect(response.status, where).toBeLessThan(300);
					expect(response.text, where).not.toContain(ids.organizationId);
				} else {
					expect({ where, status: response.status }).toEqual({ where, status: 404 });
					expect(response.body.error.code, where).toBe("not_found");
				}
			}
			const named = await rest(server, "GET", `/conversations?websiteId=${owner.websiteId}`, {
				token,
			});
			expect(named.status).toBe(404);
		}
		const after = await footprint();
		expect({ ...after, organizations: before.organizations }).toEqual(before);
		// The strangers created their organizations on their own website.
		expect(
			await database.db.prisma.contactOrganization.count({ where: { websiteId: owner.websiteId } }),
		).toBe(1);
	});

	it("refuses the new agent commands from a visitor's outbox", async () => {
		const principal: VisitorPrincipal = {
			kind: "visitor",
			visitorId: ids.visitorId as string,
			websiteId: owner.websiteId,
		};
		const before = await footprint();
		for (const command of [
			{ type: "conversation.create", conversationId: uuidv7(), visitorId: ids.visitorId },
			{ type: "contact.update", contactId: ids.contactId, name: "Forged" },
			{
				type: "organization.create",
				organizationId: uuidv7(),
				websiteId: owner.websiteId,
				name: "X",
			},
			{ type: "organization.update", organizationId: ids.organizationId, name: "Forged" },
		]) {
			const result = await server.pipeline.submit(principal, { id: uuidv7(), ...command });
			expect({ type: command.type, ...result }).toMatchObject({
				type: command.type,
				status: "rejected",
				code: "forbidden",
			});
		}
		expect(await footprint()).toEqual(before);
	});

	it("refuses visitor credentials and public keys on every private route", async () => {
		const before = await footprint();
		const widgetHeaders = {
			[HEADERS.publicKey]: visitor.publicKey,
			[HEADERS.visitorToken]: visitor.token,
			origin: SITE_ORIGIN,
		};
		const attempts: Array<{
			name: string;
			token?: string;
			headers?: Record<string, string>;
			status: number;
			code: string;
		}> = [
			{ name: "widget headers", headers: widgetHeaders, status: 401, code: "unauthorized" },
			{ name: "visitor token as bearer", token: visitor.token, status: 401, code: "unauthorized" },
			{
				name: "visitor token as bearer, from the site",
				token: visitor.token,
				headers: widgetHeaders,
				status: 401,
				code: "unauthorized",
			},
			{
				name: "public key as bearer",
				token: visitor.publicKey,
				status: 403,
				code: "private_key_required",
			},
			{
				name: "revoked-looking private key",
				token: `sk_test_${"A".repeat(32)}`,
				status: 401,
				code: "invalid_api_key",
			},
			{ name: "nothing", status: 401, code: "unauthorized" },
		];
		for (const attempt of attempts) {
			for (const { method, path } of routes) {
				const response = await rest(server, method.toUpperCase(), pathOf(path), {
					token: attempt.token,
					headers: attempt.headers,
					body: bodyFor(method, path, ids),
				});
				const where = `${attempt.name}: ${method.toUpperCase()} ${path}`;
				expect({ where, status: response.status, code: response.body?.error?.code }).toEqual({
					where,
					status: attempt.status,
					code: attempt.code,
				});
				expect(response.text, where).not.toContain("intruder");
			}
		}
		expect(await footprint()).toEqual(before);
		// The owner's own credentials still work (the refusals were about credentials).
		const detail = ok(
			await teamApi(server, owner.privateKey).get(`/conversations/${ids.conversationId}`),
		);
		expect(detail.conversation.id).toBe(ids.conversationId);
		expect((await teamApi(server, owner.agent.token).get(`/contacts/${uuidv7()}`)).status).toBe(
			404,
		);
	});
});
