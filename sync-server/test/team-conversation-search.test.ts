// `GET /v1/conversations?q=`: full-text search over every timeline item (not only the last),
// internal notes for the team, the contact's name and email; never across websites; `%` and
// `_` literal; pages like the plain list.

import type { Conversation } from "@cossistant/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import { createVisitor, identify, type TestVisitor } from "./support/support-fixtures.ts";
import {
	createTeamSite,
	ok,
	type TeamApi,
	type TeamSite,
	teamApi,
} from "./support/team-fixtures.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { startTestServer } from "./support/test-server.ts";

describe.each(testDatabaseTargets())("conversation search on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let site: TeamSite;
	let agent: TeamApi;
	let backend: TeamApi;
	let otherAgent: TeamApi;
	const made: Record<string, string> = {};

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
		site = await createTeamSite(server);
		const other = await createTeamSite(server, "Omar");
		agent = teamApi(server, site.agent.token);
		backend = teamApi(server, site.privateKey);
		otherAgent = teamApi(server, other.agent.token);
		const otherBackend = teamApi(server, other.privateKey);

		/** A conversation of `api`'s website whose messages are `texts`, oldest first. */
		const converse = async (api: TeamApi, visitor: TestVisitor, texts: string[]) => {
			const [first, ...rest] = texts;
			const id = ok(
				await api.post("/conversations", {
					visitorId: visitor.visitorId,
					message: { text: first },
				}),
			).conversation.id as string;
			for (const text of rest) ok(await api.post(`/conversations/${id}/messages`, { text }));
			return id;
		};
		const visitor = await createVisitor(server, site);
		made.older = await converse(backend, visitor, [
			"Your parcel Zanzibarquux left the depot",
			"Anything else?",
			"Have a nice day",
		]);
		made.percent = await converse(backend, visitor, ["A 100% refund is on its way", "Bye"]);
		made.plain = await converse(backend, visitor, ["A 100 refund is on its way", "Bye"]);
		made.underscore = await converse(backend, visitor, ["order_ref is missing"]);
		made.note = await converse(backend, visitor, ["Hello"]);
		ok(
			await backend.post(`/conversations/${made.note}/messages`, {
				text: "VIP customer Quokkanote, be gentle",
				visibility: "private",
			}),
		);
		const named = await createVisitor(server, site);
		ok(
			await identify(server, named, {
				externalId: "user-42",
				name: "Berenice Fairweather",
				email: "berenice@example.org",
			}),
		);
		made.named = await converse(backend, named, ["Hi there"]);
		made.otherSite = await converse(otherBackend, await createVisitor(server, other), [
			"Zanzibarquux from another website",
			"Last word",
		]);
	});
	afterAll(async () => {
		await server.stop();
		await database.drop();
	});

	const search = async (q: string, caller: TeamApi = agent, extra = "") =>
		(
			ok(await caller.get(`/conversations?q=${encodeURIComponent(q)}${extra}`))
				.conversations as Conversation[]
		)
			.map((c) => c.id)
			.sort();

	it("finds a word of an older message, case-insensitively, on this website only", async () => {
		expect(await search("zanzibarQUUX")).toEqual([made.older]);
		expect(await search("Zanzibarquux", backend)).toEqual([made.older]);
		expect(await search("Zanzibarquux", otherAgent)).toEqual([made.otherSite]);
		expect(await search("zanzibarquux", agent, "&status=resolved")).toEqual([]);
	});

	it("finds internal notes for the team, and contacts by name and email", async () => {
		expect(await search("quokkanote")).toEqual([made.note]);
		expect(await search("quokkanote", otherAgent)).toEqual([]);
		expect(await search("fairweather")).toEqual([made.named]);
		expect(await search("BERENICE@EXAMPLE")).toEqual([made.named]);
	});

	it("treats % and _ literally", async () => {
		expect(await search("100%")).toEqual([made.percent]);
		expect(await search("100 refund")).toEqual([made.plain]);
		expect(await search("order_ref")).toEqual([made.underscore]);
		expect(await search("order%ref")).toEqual([]);
		expect(await search("r_f")).toEqual([]);
		expect(await search("  Zanzibarquux  ")).toEqual([made.older]);
	});

	it("pages search results with the cursor, in list order", async () => {
		const full = ok(await agent.get("/conversations?q=is%20on%20its%20way&limit=100"));
		expect(full.conversations.map((c: Conversation) => c.id).sort()).toEqual(
			[made.percent, made.plain].sort(),
		);
		const first = ok(await agent.get("/conversations?q=is%20on%20its%20way&limit=1"));
		expect(first.conversations).toHaveLength(1);
		expect(first.nextCursor).not.toBeNull();
		const second = ok(
			await agent.get(`/conversations?q=is%20on%20its%20way&limit=1&cursor=${first.nextCursor}`),
		);
		expect(second.nextCursor).toBeNull();
		expect([...first.conversations, ...second.conversations].map((c) => c.id)).toEqual(
			full.conversations.map((c: Conversation) => c.id),
		);
	});

	it("refuses an empty or oversized q", async () => {
		for (const query of ["q=", "q=%20%20", `q=${"a".repeat(201)}`, "q=a&q=b"]) {
			const response = await agent.get(`/conversations?${query}`);
			expect({ query, status: response.status, code: response.body.error.code }).toEqual({
				query,
				status: 400,
				code: "validation_failed",
			});
		}
		expect(await search("a".repeat(200))).toEqual([]);
	});
});
