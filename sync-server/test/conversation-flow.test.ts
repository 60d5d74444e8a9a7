import { DocumentNames, type TimelineItem } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import { eventually } from "./support/eventually.ts";
import { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor, loginAgent, startTestServer } from "./support/test-server.ts";

describe.each(testDatabaseTargets())("conversation flow on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	const clients: TestClient[] = [];

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
	});

	afterAll(async () => {
		for (const client of clients) client.destroy();
		await server.stop();
		await database.drop();
	});

	async function visitorClient() {
		const boot = await bootstrapVisitor(server, server.demo?.publicKey ?? "");
		const client = new TestClient({
			wsUrl: server.wsUrl,
			token: boot.visitorToken,
			principal: `visitor:${boot.visitor.id}`,
			publicKey: server.demo?.publicKey,
		});
		clients.push(client);
		return { client, visitorId: boot.visitor.id };
	}

	async function agentClient() {
		const session = await loginAgent(server);
		const client = new TestClient({
			wsUrl: server.wsUrl,
			token: session.token,
			principal: `user:${session.user.id}`,
		});
		clients.push(client);
		return { client, session };
	}

	it("delivers visitor messages to an agent in order, persists them, and the reply reaches the visitor", async () => {
		const { client: visitor, visitorId } = await visitorClient();
		const { client: agent, session } = await agentClient();
		const conversationId = uuidv7();
		const start = uuidv7();
		visitor.send({
			id: start,
			type: "conversation.start",
			conversationId,
			defaultMessages: [{ content: "Hi, anything I can help with?", senderType: "team_member" }],
			initialMessage: { itemId: uuidv7(), parts: [{ type: "text", text: "Hello" }] },
		});
		expect(await visitor.result(start)).toMatchObject({ status: "applied" });

		const convDoc = DocumentNames.conversation(conversationId);
		await agent.openSynced(convDoc);
		await visitor.openSynced(convDoc);

		const sent: string[] = [];
		for (let i = 0; i < 20; i++) {
			const itemId = uuidv7();
			sent.push(itemId);
			visitor.send({
				id: uuidv7(),
				type: "message.send",
				conversationId,
				itemId,
				parts: [{ type: "text", text: `m${i}` }],
			});
		}
		const seen = await eventually(() => {
			const items = agent.timeline(convDoc);
			expect(items.map((i) => i.id)).toEqual(expect.arrayContaining(sent));
			return items;
		});
		// Order of arrival = order sent, sequence numbers strictly increasing, server time set.
		const visitorItems = seen.filter((i) => sent.includes(i.id));
		expect(visitorItems.map((i) => i.id)).toEqual(sent);
		const seqs = seen.map((i) => i.seq);
		expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
		expect(new Set(seqs).size).toBe(seqs.length);
		expect(seen[0]?.parts[0]).toMatchObject({
			type: "text",
			text: "Hi, anything I can help with?",
		});
		expect(visitorItems.every((i) => i.visitorId === visitorId)).toBe(true);

		const rows = await database.db.prisma.timelineItem.findMany({
			where: { conversationId },
			orderBy: { seq: "asc" },
		});
		expect(rows.map((r) => r.id)).toEqual(seen.map((i) => i.id));
		const conversation = await database.db.prisma.conversation.findUniqueOrThrow({
			where: { id: conversationId },
		});
		expect(conversation.lastSeq).toBe(rows.length);
		expect((conversation.lastTimelineItem as TimelineItem).id).toBe(sent.at(-1));

		const replyId = uuidv7();
		const reply = uuidv7();
		agent.send({
			id: reply,
			type: "message.send",
			conversationId,
			itemId: replyId,
			parts: [{ type: "text", text: "Hi!" }],
		});
		expect(await agent.result(reply)).toMatchObject({ status: "applied" });
		const replyItem = await eventually(() => {
			const item = visitor.timeline(convDoc).find((i) => i.id === replyId);
			expect(item).toBeDefined();
			return item as TimelineItem;
		});
		expect(replyItem).toMatchObject({
			userId: session.user.id,
			visitorId: null,
			visibility: "public",
		});
	});

	it("applies agent actions with their event items and keeps notes out of the public document", async () => {
		const { client: visitor } = await visitorClient();
		const { client: agent } = await agentClient();
		const conversationId = uuidv7();
		const start = uuidv7();
		visitor.send({ id: start, type: "conversation.start", conversationId });
		expect(await visitor.result(start)).toMatchObject({ status: "applied" });
		const convDoc = DocumentNames.conversation(conversationId);
		const privateDoc = DocumentNames.conversationPrivate(conversationId);
		await agent.openSynced(convDoc);
		await agent.openSynced(privateDoc);
		await visitor.openSynced(convDoc);

		const commands = [
			{ type: "conversation.join" },
			{ type: "conversation.setPriority", priority: "high" },
			{ type: "conversation.addTag", tag: "billing" },
			{ type: "conversation.addTag", tag: "billing" },
			{ type: "conversation.removeTag", tag: "billing" },
			{
				type: "note.add",
				itemId: uuidv7(),
				parts: [{ type: "text", text: "secret internal note" }],
			},
			{ type: "conversation.setStatus", status: "resolved" },
			{ type: "conversation.setStatus", status: "open" },
			{ type: "conversation.leave" },
			{ type: "conversation.markSeen" },
		].map((c) => ({ id: uuidv7(), conversationId, ...c }));
		for (const command of commands) agent.send(command);
		for (const command of commands)
			expect(await agent.result(command.id)).toMatchObject({ status: "applied" });

		const events = await eventually(() => {
			const list = visitor
				.timeline(convDoc)
				.flatMap((i) => i.parts)
				.flatMap((p) => (p.type === "event" ? [p.eventType] : []));
			expect(list).toHaveLength(9);
			return list;
		});
		// A status change is one item carrying `resolved`/`reopened` and `status_changed`.
		expect(events).toEqual([
			"participant_joined",
			"priority_changed",
			"tag_added",
			"tag_removed",
			"resolved",
			"status_changed",
			"reopened",
			"status_changed",
			"participant_left",
		]);
		const statusItems = visitor
			.timeline(convDoc)
			.filter((i) => i.parts.some((p) => p.type === "event" && p.eventType === "status_changed"));
		expect(statusItems.map((i) => i.parts)).toEqual([
			[
				expect.objectContaining({ eventType: "resolved" }),
				expect.objectContaining({
					eventType: "status_changed",
					data: { from: "open", to: "resolved" },
				}),
			],
			[
				expect.objectContaining({ eventType: "reopened" }),
				expect.objectContaining({
					eventType: "status_changed",
					data: { from: "resolved", to: "open" },
				}),
			],
		]);
		await eventually(() => expect(agent.timeline(privateDoc)).toHaveLength(1));
		expect(JSON.stringify(visitor.doc(convDoc).toJSON())).not.toContain("secret internal note");
		const note = await database.db.prisma.timelineItem.findFirstOrThrow({
			where: { conversationId, visibility: "private" },
		});
		expect(note.parts).toEqual([{ type: "text", text: "secret internal note" }]);
		const row = await database.db.prisma.conversation.findUniqueOrThrow({
			where: { id: conversationId },
		});
		expect(row).toMatchObject({ status: "open", priority: "high", tags: [], participantIds: [] });
		const seen = await database.db.prisma.seen.findMany({ where: { conversationId } });
		// The visitor saw it when starting it; the agent marked it seen at the end.
		expect(seen.map((row) => row.participant.split(":")[0]).sort()).toEqual(["user", "visitor"]);
	});

	it("applies a command delivered twice exactly once", async () => {
		const { client: visitor } = await visitorClient();
		const conversationId = uuidv7();
		const start = uuidv7();
		visitor.send({ id: start, type: "conversation.start", conversationId });
		await visitor.result(start);
		const command = {
			id: uuidv7(),
			type: "message.send",
			conversationId,
			itemId: uuidv7(),
			parts: [{ type: "text", text: "once" }],
		};
		visitor.send(command);
		visitor.send(command);
		expect(await visitor.result(command.id)).toMatchObject({ status: "applied" });
		// A second delivery through another connection of the same visitor (another tab).
		const principal = await server.pipeline.submit(
			{
				kind: "visitor",
				visitorId: (
					await database.db.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } })
				).visitorId,
				websiteId: server.demo?.websiteId ?? "",
			},
			command,
		);
		expect(principal).toMatchObject({ status: "applied" });
		expect(await database.db.prisma.timelineItem.count({ where: { conversationId } })).toBe(1);
		expect(await database.db.prisma.commandLedger.count({ where: { id: command.id } })).toBe(1);
	});
});
