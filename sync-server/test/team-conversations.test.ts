// The private conversations API end to end (real server, real database, real sockets):
// creating conversations, posting messages and notes as an agent, a backend and an AI agent,
// reading a conversation with its paginated timeline, and PATCH changes that go through the
// command pipeline (same ledger, event items and realtime fan-out as the dashboard's outbox).

import {
	type Conversation,
	DocumentNames,
	type EventPart,
	type TimelineItem,
	VISITOR_DOC_KEYS,
} from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import { eventually } from "./support/eventually.ts";
import { createVisitor, visitorClient } from "./support/support-fixtures.ts";
import {
	addAgent,
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

describe.each(testDatabaseTargets())("private conversations API on $name", (target) => {
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

	const events = async (conversationId: string): Promise<EventPart[]> => {
		const rows = await database.db.prisma.timelineItem.findMany({
			where: { conversationId, type: "event" },
			orderBy: { seq: "asc" },
		});
		return rows.map((row) => (row.parts as TimelineItem["parts"])[0] as EventPart);
	};

	it("creates a conversation for a visitor, with a first message the open widget receives", async () => {
		const visitor = await createVisitor(server, site);
		const widget = visitorClient(server, visitor);
		clients.push(widget);
		await widget.openSynced(DocumentNames.visitor(visitor.visitorId));

		const created = await agent.post("/conversations", {
			visitorId: visitor.visitorId,
			title: "Your invoice",
			message: { text: "Hi! About your invoice…" },
		});
		expect(created.status).toBe(201);
		const conversation = created.body.conversation as Conversation;
		expect(conversation).toMatchObject({
			websiteId: site.websiteId,
			visitorId: visitor.visitorId,
			title: "Your invoice",
			status: "open",
			lastTimelineItem: {
				parts: [{ type: "text", text: "Hi! About your invoice…" }],
				userId: site.agent.user.id,
				visibility: "public",
			},
		});

		// The widget lists it live and can open it.
		const list = widget
			.doc(DocumentNames.visitor(visitor.visitorId))
			.getMap<Conversation>(VISITOR_DOC_KEYS.conversations);
		await eventually(() => expect(list.get(conversation.id)?.title).toBe("Your invoice"));
		await widget.openSynced(DocumentNames.conversation(conversation.id));
		expect(widget.timeline(DocumentNames.conversation(conversation.id))).toEqual([
			expect.objectContaining({ userId: site.agent.user.id, seq: 1 }),
		]);

		// A client-chosen id is kept; reusing it is a conflict.
		const id = uuidv7();
		const own = await backend.post("/conversations", { visitorId: visitor.visitorId, id });
		expect(own.status).toBe(201);
		expect(own.body.conversation.id).toBe(id);
		expect(own.body.conversation.lastTimelineItem).toBeNull();
		const again = await backend.post("/conversations", { visitorId: visitor.visitorId, id });
		expect(again.status).toBe(409);
		expect(again.body.error.code).toBe("conflict");

		// Unknown visitors are 404; invalid bodies 400 with details.
		const unknown = await backend.post("/conversations", { visitorId: uuidv7() });
		expect(unknown.status).toBe(404);
		const invalid = await backend.post("/conversations", {
			visitorId: visitor.visitorId,
			message: { text: "a", parts: [{ type: "text", text: "b" }] },
			extra: true,
		});
		expect(invalid.status).toBe(400);
		expect(invalid.body.error.code).toBe("validation_failed");
		// The unknown field is named where it is.
		expect(invalid.body.error.details.map((d: { path: string }) => d.path)).toEqual(
			expect.arrayContaining(["message.parts", "extra"]),
		);
	});

	it("posts public messages, internal notes and AI-agent messages; the visitor's replica gets only the public ones", async () => {
		const { client, conversationId } = await visitorWithConversation(server, site, clients);
		const convDoc = DocumentNames.conversation(conversationId);
		const path = `/conversations/${conversationId}/messages`;

		const fromAgent = await agent.post(path, { text: "Looking into it." });
		expect(fromAgent.status).toBe(201);
		expect(fromAgent.body.item).toMatchObject({
			type: "message",
			visibility: "public",
			userId: site.agent.user.id,
			aiAgentId: null,
			parts: [{ type: "text", text: "Looking into it." }],
		});

		const note = await agent.post(path, {
			text: "Customer is on the legacy plan.",
			visibility: "private",
		});
		expect(note.status).toBe(201);
		expect(note.body.item).toMatchObject({ visibility: "private", userId: site.agent.user.id });

		// An AI agent, by header and by body field.
		const byHeader = await teamApi(server, site.privateKey, {
			"x-ai-agent-id": site.aiAgentId,
		}).post(path, { parts: [{ type: "text", text: "I am Ada, the assistant." }] });
		expect(byHeader.status).toBe(201);
		expect(byHeader.body.item).toMatchObject({ aiAgentId: site.aiAgentId, userId: null });
		const byBody = await backend.post(path, { text: "Ada again.", aiAgentId: site.aiAgentId });
		expect(byBody.body.item.aiAgentId).toBe(site.aiAgentId);
		// "The API" itself: a team message of no one in particular.
		const plain = await backend.post(path, { text: "Automated notice." });
		expect(plain.body.item).toMatchObject({ aiAgentId: null, userId: null, visitorId: null });

		await eventually(() =>
			expect(client.timeline(convDoc).map((item) => item.id)).toEqual(
				expect.arrayContaining([byHeader.body.item.id, byBody.body.item.id, plain.body.item.id]),
			),
		);
		const ada = client.timeline(convDoc).find((item) => item.id === byHeader.body.item.id);
		expect(ada).toMatchObject({
			aiAgentId: site.aiAgentId,
			parts: [{ text: "I am Ada, the assistant." }],
		});
		expect(client.timeline(convDoc).map((item) => item.id)).not.toContain(note.body.item.id);

		// An AI agent of nobody, a mismatch of header and body, or a session posing as AI: refused.
		expect((await backend.post(path, { text: "x", aiAgentId: uuidv7() })).status).toBe(404);
		const mismatch = await teamApi(server, site.privateKey, {
			"x-ai-agent-id": site.aiAgentId,
		}).post(path, { text: "x", aiAgentId: uuidv7() });
		expect(mismatch.status).toBe(400);
		expect((await agent.post(path, { text: "x", aiAgentId: site.aiAgentId })).status).toBe(400);
		// Empty or oversized content is a validation error.
		expect((await agent.post(path, {})).body.error.code).toBe("validation_failed");
		expect((await agent.post(path, { text: "x".repeat(10_001) })).status).toBe(400);
	});

	it("reads a conversation with its timeline, notes included, paginated by seq both ways", async () => {
		const { conversationId } = await visitorWithConversation(server, site, clients, "first");
		const path = `/conversations/${conversationId}/messages`;
		for (let i = 0; i < 6; i += 1) {
			ok(await agent.post(path, { text: `item ${i}`, visibility: i % 2 ? "private" : "public" }));
		}
		const all = ok(await backend.get(`/conversations/${conversationId}?limit=100`));
		expect(all.conversation.id).toBe(conversationId);
		expect(all.timeline.items.map((i: TimelineItem) => i.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(all.timeline.items.filter((i: TimelineItem) => i.visibility === "private")).toHaveLength(
			3,
		);
		expect(all.timeline.nextCursor).toBeNull();

		const pages = async (order: "asc" | "desc") => {
			const seqs: number[] = [];
			let cursor: string | null = null;
			do {
				const query: string = `limit=3&order=${order}${cursor ? `&cursor=${cursor}` : ""}`;
				const page = ok(await agent.get(`/conversations/${conversationId}?${query}`));
				expect(page.timeline.items.length).toBeLessThanOrEqual(3);
				seqs.push(...page.timeline.items.map((i: TimelineItem) => i.seq));
				cursor = page.timeline.nextCursor;
			} while (cursor);
			return seqs;
		};
		expect(await pages("asc")).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(await pages("desc")).toEqual([7, 6, 5, 4, 3, 2, 1]);

		const first = ok(await agent.get(`/conversations/${conversationId}?limit=2`));
		const mixed = await agent.get(
			`/conversations/${conversationId}?limit=2&order=desc&cursor=${first.timeline.nextCursor}`,
		);
		expect(mixed.status).toBe(400);
		for (const bad of ["garbage", "eyJzIjoiMSJ9", "%00", "x".repeat(600)]) {
			const response = await agent.get(`/conversations/${conversationId}?cursor=${bad}`);
			expect(response.status).toBe(400);
			expect(response.body.error.code).toBe("validation_failed");
		}
		expect((await agent.get(`/conversations/${conversationId}?limit=101`)).status).toBe(400);
		expect((await agent.get(`/conversations/${conversationId}?bogus=1`)).status).toBe(400);
		expect((await agent.get(`/conversations/${uuidv7()}`)).status).toBe(404);
	});

	it("PATCHes status, priority, tags, assignees and participation as commands with events", async () => {
		const { client, conversationId } = await visitorWithConversation(server, site, clients);
		const convDoc = DocumentNames.conversation(conversationId);
		const colleague = await addAgent(server, site, "Tom");
		const path = `/conversations/${conversationId}`;

		const changed = await agent.patch(path, {
			status: "resolved",
			priority: "high",
			tags: { add: ["billing", "vip"] },
			assigneeIds: { add: [colleague.user.id] },
			participation: "join",
		});
		expect(changed.status).toBe(200);
		expect(changed.body.conversation).toMatchObject({
			status: "resolved",
			priority: "high",
			tags: ["billing", "vip"],
			assigneeIds: [colleague.user.id],
			participantIds: [site.agent.user.id],
		});
		expect((await events(conversationId)).map((e) => [e.eventType, e.message])).toEqual([
			["resolved", "Sarah marked the conversation as resolved"],
			["priority_changed", "Sarah changed the priority to high"],
			["tag_added", "Sarah added the tag billing"],
			["tag_added", "Sarah added the tag vip"],
			["assigned", "Sarah assigned the conversation to Tom"],
			["participant_joined", "Sarah joined the conversation"],
		]);
		// Realtime: the widget's replica has the new status and the public events.
		await eventually(() => {
			expect(client.doc(convDoc).getMap("meta").get("status")).toBe("resolved");
			expect(client.timeline(convDoc).filter((i) => i.type === "event")).toHaveLength(6);
		});

		// set is diffed; an AI agent's changes are attributed to it.
		const ai = teamApi(server, site.privateKey, { "x-ai-agent-id": site.aiAgentId });
		const set = await ai.patch(path, { tags: { set: ["vip", "refund"] }, status: "open" });
		expect(set.body.conversation).toMatchObject({ tags: ["vip", "refund"], status: "open" });
		const latest = (await events(conversationId)).slice(6);
		expect(latest.map((e) => [e.eventType, e.actorAiAgentId])).toEqual([
			["reopened", site.aiAgentId],
			["tag_removed", site.aiAgentId],
			["tag_added", site.aiAgentId],
		]);

		// No-ops write no events; remove and leave work.
		const before = (await events(conversationId)).length;
		ok(await agent.patch(path, { status: "open", tags: { add: ["vip"] } }));
		expect(await events(conversationId)).toHaveLength(before);
		const removed = ok(
			await agent.patch(path, {
				assigneeIds: { remove: [colleague.user.id] },
				participation: "leave",
			}),
		);
		expect(removed.conversation).toMatchObject({ assigneeIds: [], participantIds: [] });

		// Refused before anything is applied: backends joining, strangers assigned, bad bodies.
		const count = (await events(conversationId)).length;
		const join = await backend.patch(path, { priority: "low", participation: "join" });
		expect(join.status).toBe(403);
		const stranger = await agent.patch(path, { priority: "low", assigneeIds: { add: [uuidv7()] } });
		expect(stranger.status).toBe(400);
		expect(stranger.body.error.details[0].path).toBe("assigneeIds");
		const tooMany = await agent.patch(path, {
			tags: { add: Array.from({ length: 33 }, (_, i) => `t${i}`) },
		});
		expect(tooMany.status).toBe(400);
		for (const body of [
			{},
			{ status: "closed" },
			{ tags: { set: ["a"], add: ["b"] } },
			{ tags: ["  "] },
		]) {
			expect((await agent.patch(path, body)).status).toBe(400);
		}
		expect(await events(conversationId)).toHaveLength(count);
		const row = await database.db.prisma.conversation.findUniqueOrThrow({
			where: { id: conversationId },
		});
		expect(row.priority).toBe("high");
	});

	it("applies a write retried with the same Idempotency-Key once", async () => {
		const visitor = await createVisitor(server, site);
		const key = { "idempotency-key": `create-${uuidv7()}` };
		const first = await backend.post(
			"/conversations",
			{ visitorId: visitor.visitorId, message: { text: "Once" } },
			key,
		);
		const retry = await backend.post(
			"/conversations",
			{ visitorId: visitor.visitorId, message: { text: "Once" } },
			key,
		);
		expect(first.status).toBe(201);
		expect(retry.status).toBe(201);
		expect(retry.body.conversation.id).toBe(first.body.conversation.id);
		expect(
			await database.db.prisma.conversation.count({ where: { visitorId: visitor.visitorId } }),
		).toBe(1);
		// The same key for another request of this route is a conflict, not a silent success.
		const other = await createVisitor(server, site);
		const reused = await backend.post("/conversations", { visitorId: other.visitorId }, key);
		expect(reused.status).toBe(409);

		const conversationId = first.body.conversation.id as string;
		const path = `/conversations/${conversationId}/messages`;
		const messageKey = { "idempotency-key": uuidv7() };
		const sent = await Promise.all(
			[1, 2, 3].map(() => backend.post(path, { text: "Exactly once" }, messageKey)),
		);
		expect(new Set(sent.map((r) => r.body.item.id)).size).toBe(1);
		const patchKey = { "idempotency-key": uuidv7() };
		ok(
			await backend.patch(
				`/conversations/${conversationId}`,
				{ tags: { add: ["once"] } },
				patchKey,
			),
		);
		ok(
			await backend.patch(
				`/conversations/${conversationId}`,
				{ tags: { add: ["once"] } },
				patchKey,
			),
		);
		const items = await database.db.prisma.timelineItem.findMany({ where: { conversationId } });
		expect(items.filter((i) => JSON.stringify(i.parts).includes("Exactly once"))).toHaveLength(1);
		expect(items.filter((i) => i.type === "event")).toHaveLength(1);

		// Another caller using the same key gets its own command (keys are per caller).
		const fromAgent = await agent.post(path, { text: "Mine" }, messageKey);
		expect(fromAgent.status).toBe(201);
		expect(fromAgent.body.item.id).not.toBe(sent[0]?.body.item.id);
		// A malformed key is a validation error.
		const bad = await backend.post(path, { text: "x" }, { "idempotency-key": "has space" });
		expect(bad.status).toBe(400);
	});
});
