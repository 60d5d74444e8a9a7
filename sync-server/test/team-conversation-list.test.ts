// `GET /v1/conversations`: every filter, and cursor pagination that is stable across pages
// (a total order on last activity then id: no page repeats or skips a conversation, also when
// many share one activity time and when conversations change between pages).

import type { Conversation } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import { createVisitor, identify, type TestVisitor } from "./support/support-fixtures.ts";
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

describe.each(testDatabaseTargets())("conversation list on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let site: TeamSite;
	let agent: TeamApi;
	let backend: TeamApi;
	let colleagueId: string;
	let visitors: TestVisitor[];
	/** Conversation ids by what was done to them. */
	const made: Record<string, string[]> = {};

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
		site = await createTeamSite(server);
		agent = teamApi(server, site.agent.token);
		backend = teamApi(server, site.privateKey);
		colleagueId = (await addAgent(server, site, "Tom")).user.id;
		visitors = [await createVisitor(server, site), await createVisitor(server, site)];
		ok(await identify(server, visitors[1] as TestVisitor, { externalId: "user-1" }));

		const create = async (visitor: TestVisitor, label: string) => {
			const id = ok(await backend.post("/conversations", { visitorId: visitor.visitorId }))
				.conversation.id as string;
			made[label] = [...(made[label] ?? []), id];
			return id;
		};
		// Created concurrently: several share one batch, hence one activity time (tie on id).
		await Promise.all(
			Array.from({ length: 12 }, (_, i) => create(visitors[i % 2] as TestVisitor, `plain${i % 2}`)),
		);
		const patch = (id: string, body: unknown) => agent.patch(`/conversations/${id}`, body);
		ok(await patch(await create(visitors[0] as TestVisitor, "resolved"), { status: "resolved" }));
		ok(await patch(await create(visitors[0] as TestVisitor, "urgent"), { priority: "urgent" }));
		ok(
			await patch(await create(visitors[0] as TestVisitor, "billing"), {
				tags: { add: ["billing"] },
			}),
		);
		ok(
			await patch(await create(visitors[0] as TestVisitor, "mine"), {
				assigneeIds: { add: [site.agent.user.id] },
			}),
		);
		ok(
			await patch(await create(visitors[0] as TestVisitor, "tom"), {
				assigneeIds: { add: [colleagueId] },
				tags: { add: ["billing"] },
			}),
		);
	});
	afterAll(async () => {
		await server.stop();
		await database.drop();
	});

	async function listAll(
		query: string,
		caller: TeamApi = agent,
		limit = 100,
	): Promise<Conversation[]> {
		const found: Conversation[] = [];
		let cursor: string | null = null;
		do {
			const page = ok(
				await caller.get(
					`/conversations?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ""}`,
				),
			);
			expect(page.conversations.length).toBeLessThanOrEqual(limit);
			found.push(...page.conversations);
			cursor = page.nextCursor;
		} while (cursor);
		return found;
	}

	const ids = (list: Conversation[]) => list.map((c) => c.id).sort();
	const all = () => Object.values(made).flat();

	it("filters by status, priority, tag, assignee, contact and visitor", async () => {
		expect(ids(await listAll(""))).toEqual([...all()].sort());
		expect(ids(await listAll("&status=resolved"))).toEqual(made.resolved);
		expect((await listAll("&status=open")).length).toBe(all().length - 1);
		expect(ids(await listAll("&priority=urgent"))).toEqual(made.urgent);
		expect(ids(await listAll("&tag=billing"))).toEqual(
			[...(made.billing ?? []), ...(made.tom ?? [])].sort(),
		);
		expect(ids(await listAll("&assignee=me"))).toEqual(made.mine);
		expect(ids(await listAll(`&assignee=${colleagueId}`))).toEqual(made.tom);
		expect((await listAll("&assignee=unassigned")).length).toBe(all().length - 2);
		expect(ids(await listAll(`&visitorId=${visitors[1]?.visitorId}`))).toEqual(
			[...(made.plain1 ?? [])].sort(),
		);
		const contactId = (
			await database.db.prisma.visitor.findUniqueOrThrow({ where: { id: visitors[1]?.visitorId } })
		).contactId;
		expect(ids(await listAll(`&contactId=${contactId}`))).toEqual([...(made.plain1 ?? [])].sort());
		expect(await listAll("&tag=billing&assignee=me")).toEqual([]);
		expect(await listAll(`&visitorId=${uuidv7()}`)).toEqual([]);
		// Backends see the same list; "me" means nobody for them.
		expect(ids(await listAll("", backend))).toEqual([...all()].sort());
		expect((await backend.get("/conversations?assignee=me")).status).toBe(400);
	});

	it("pages in a stable total order: newest activity first, then id, no repeats or gaps", async () => {
		const full = await listAll("", agent, 100);
		for (let i = 1; i < full.length; i += 1) {
			const [a, b] = [full[i - 1] as Conversation, full[i] as Conversation];
			const at = (c: Conversation) => c.lastTimelineItem?.createdAt ?? c.createdAt;
			expect(at(a) > at(b) || (at(a) === at(b) && a.id > b.id), `${i}`).toBe(true);
		}
		for (const limit of [1, 2, 3, 7]) {
			expect((await listAll("", agent, limit)).map((c) => c.id)).toEqual(full.map((c) => c.id));
		}

		// Changes between pages: no conversation is ever listed twice in one pass, and every one
		// whose activity did not change is listed exactly once.
		const seen: string[] = [];
		const touched = new Set<string>();
		let cursor: string | null = null;
		let round = 0;
		do {
			const page = ok(
				await agent.get(`/conversations?limit=3${cursor ? `&cursor=${cursor}` : ""}`),
			);
			seen.push(...page.conversations.map((c: Conversation) => c.id));
			cursor = page.nextCursor;
			// Bump the last conversation of the full list (not yet seen) to the top.
			const victim = full.at(-1 - round)?.id;
			if (victim && !seen.includes(victim)) {
				ok(await agent.post(`/conversations/${victim}/messages`, { text: `bump ${round}` }));
				touched.add(victim);
			}
			round += 1;
		} while (cursor);
		expect(new Set(seen).size).toBe(seen.length);
		const untouched = full.map((c) => c.id).filter((id) => !touched.has(id));
		expect(untouched.filter((id) => !seen.includes(id))).toEqual([]);
	});

	it("validates the query and the cursor", async () => {
		for (const query of [
			"limit=0",
			"limit=101",
			"limit=abc",
			"status=closed",
			"priority=extreme",
			"assignee=x",
			"cursor=not-a-cursor",
			"cursor=eyJ0IjoxfQ",
			"status=open&status=resolved",
			"unknown=1",
		]) {
			const response = await agent.get(`/conversations?${query}`);
			expect({ query, status: response.status, code: response.body.error.code }).toEqual({
				query,
				status: 400,
				code: "validation_failed",
			});
		}
		expect((await agent.get(`/conversations?websiteId=${uuidv7()}`)).status).toBe(404);
		expect(ids(await listAll(`&websiteId=${site.websiteId}`))).toEqual([...all()].sort());
	});
});
