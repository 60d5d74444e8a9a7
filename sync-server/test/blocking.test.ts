// Visitor blocking and conversation assignment: agent commands through the real outbox and
// pipeline. A blocked visitor's sockets close, it can open nothing and send nothing, and the
// widget can tell from the bootstrap; unblocking restores everything. Assignments emit events.

import {
	CloseCodes,
	CONVERSATION_DOC_KEYS,
	type Conversation,
	DocumentNames,
	type EventPart,
	type TimelineItem,
} from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { BackendPrincipal, VisitorPrincipal } from "../src/auth/principal.ts";
import type { SyncServer } from "../src/server.ts";
import { eventually } from "./support/eventually.ts";
import { createAgent } from "./support/rest.ts";
import { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor, loginAgent, startTestServer } from "./support/test-server.ts";

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

describe.each(testDatabaseTargets())("blocking and assignment on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let websiteId: string;
	let agent: TestClient;
	let agentId: string;
	let adminToken: string;
	const clients: TestClient[] = [];

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
		websiteId = server.demo?.websiteId ?? "";
		const session = await loginAgent(server);
		adminToken = session.token;
		agentId = session.user.id;
		agent = client(session.token, `user:${agentId}`);
	});
	afterAll(async () => {
		for (const c of clients) c.destroy();
		await server.stop();
		await database.drop();
	});

	function client(token: string, principal: `user:${string}` | `visitor:${string}`) {
		const publicKey = principal.startsWith("visitor:") ? server.demo?.publicKey : undefined;
		const created = new TestClient({ wsUrl: server.wsUrl, token, principal, publicKey });
		clients.push(created);
		return created;
	}

	/** A visitor with an open socket and a started conversation. */
	async function visitorWithConversation() {
		const boot = await bootstrapVisitor(server, server.demo?.publicKey ?? "");
		const visitor = client(boot.visitorToken, `visitor:${boot.visitor.id}`);
		const conversationId = uuidv7();
		const id = uuidv7();
		visitor.send({
			id,
			type: "conversation.start",
			conversationId,
			initialMessage: { itemId: uuidv7(), parts: [{ type: "text", text: "hello" }] },
		});
		expect(await visitor.result(id)).toMatchObject({ status: "applied" });
		await visitor.openSynced(DocumentNames.conversation(conversationId));
		return { boot, visitor, conversationId, visitorId: boot.visitor.id };
	}

	/** Sends a command from the agent's outbox and waits for its result. */
	async function agentCommand(command: Record<string, unknown>) {
		const id = uuidv7();
		agent.send({ id, ...command });
		return agent.result(id);
	}

	async function events(conversationId: string): Promise<EventPart[]> {
		const rows = await database.db.prisma.timelineItem.findMany({
			where: { conversationId, type: "event" },
			orderBy: { seq: "asc" },
		});
		return rows.map((row) => (row.parts as TimelineItem["parts"])[0] as EventPart);
	}

	async function bootstrapAgain(visitorToken: string) {
		return bootstrapVisitor(server, server.demo?.publicKey ?? "", { visitorToken });
	}

	it("blocks a visitor: sockets close, documents are refused, commands rejected, the widget can tell", async () => {
		const { boot, visitor, conversationId, visitorId } = await visitorWithConversation();

		const result = await agentCommand({ type: "visitor.block", visitorId, conversationId });
		expect(result).toMatchObject({ status: "applied" });

		await eventually(() =>
			expect(visitor.closeEvents[0]).toEqual({
				code: CloseCodes.Forbidden,
				reason: "visitor_blocked",
			}),
		);
		const row = await database.db.prisma.visitor.findUniqueOrThrow({ where: { id: visitorId } });
		expect(row).toMatchObject({ isBlocked: true, blockedById: agentId });
		expect(row.blockedAt).toBeInstanceOf(Date);
		expect(await events(conversationId)).toEqual([
			expect.objectContaining({
				eventType: "visitor_blocked",
				actorUserId: agentId,
				message: "Demo Admin blocked the visitor",
				data: { visitorId },
			}),
		]);

		// The widget learns it at its next bootstrap.
		expect((await bootstrapAgain(boot.visitorToken)).visitor.isBlocked).toBe(true);

		// A fresh socket with the same token opens nothing, not even its own conversation.
		const again = client(boot.visitorToken, `visitor:${visitorId}`);
		const convDoc = DocumentNames.conversation(conversationId);
		again.open(convDoc);
		await eventually(() =>
			expect(again.authFailures).toEqual(
				expect.arrayContaining([{ document: convDoc, reason: "visitor_blocked" }]),
			),
		);
		expect(Y.encodeStateAsUpdate(again.doc(convDoc))).toEqual(EMPTY_UPDATE);

		// And nothing it sends is applied.
		const principal: VisitorPrincipal = { kind: "visitor", visitorId, websiteId };
		const itemId = uuidv7();
		const sent = await server.pipeline.submit(principal, {
			id: uuidv7(),
			type: "message.send",
			conversationId,
			itemId,
			parts: [{ type: "text", text: "let me in" }],
		});
		expect(sent).toMatchObject({ status: "rejected", code: "visitor_blocked" });
		expect(await database.db.prisma.timelineItem.count({ where: { id: itemId } })).toBe(0);
		const started = await server.pipeline.submit(principal, {
			id: uuidv7(),
			type: "conversation.start",
			conversationId: uuidv7(),
		});
		expect(started).toMatchObject({ status: "rejected", code: "visitor_blocked" });

		// Blocking twice changes nothing and adds no event.
		expect(await agentCommand({ type: "visitor.block", visitorId, conversationId })).toMatchObject({
			status: "applied",
		});
		expect(await events(conversationId)).toHaveLength(1);
	});

	it("unblocks a visitor: it opens and sends again", async () => {
		const { boot, conversationId, visitorId } = await visitorWithConversation();
		await agentCommand({ type: "visitor.block", visitorId });
		const result = await agentCommand({ type: "visitor.unblock", visitorId, conversationId });
		expect(result).toMatchObject({ status: "applied" });
		expect((await events(conversationId)).map((e) => e.eventType)).toEqual(["visitor_unblocked"]);
		expect((await bootstrapAgain(boot.visitorToken)).visitor.isBlocked).toBe(false);

		const back = client(boot.visitorToken, `visitor:${visitorId}`);
		await back.openSynced(DocumentNames.conversation(conversationId));
		const id = uuidv7();
		back.send({
			id,
			type: "message.send",
			conversationId,
			itemId: uuidv7(),
			parts: [{ type: "text", text: "thanks" }],
		});
		expect(await back.result(id)).toMatchObject({ status: "applied" });
	});

	it("unblocks a visitor live: its refused socket is closed with 1013 visitor_unblocked and reopens its conversation", async () => {
		const { boot, conversationId, visitorId } = await visitorWithConversation();
		await agentCommand({ type: "visitor.block", visitorId });
		const convDoc = DocumentNames.conversation(conversationId);
		const waiting = client(boot.visitorToken, `visitor:${visitorId}`);
		waiting.open(convDoc);
		await eventually(() =>
			expect(waiting.authFailures).toEqual(
				expect.arrayContaining([{ document: convDoc, reason: "visitor_blocked" }]),
			),
		);

		await agentCommand({ type: "visitor.unblock", visitorId, conversationId });
		await eventually(() =>
			expect(waiting.closeEvents).toContainEqual({
				code: CloseCodes.TryAgainLater,
				reason: "visitor_unblocked",
			}),
		);
		// The same provider reconnects on its own and is granted what it was refused.
		await eventually(() =>
			expect(waiting.timeline(convDoc).map((item) => item.type)).toContain("message"),
		);
	});

	it("refuses blocks from visitors, from other websites and with someone else's conversation", async () => {
		const alice = await visitorWithConversation();
		const bob = await visitorWithConversation();
		const asVisitor = await server.pipeline.submit(
			{ kind: "visitor", visitorId: alice.visitorId, websiteId },
			{ id: uuidv7(), type: "visitor.block", visitorId: bob.visitorId },
		);
		expect(asVisitor).toMatchObject({ status: "rejected", code: "forbidden" });

		const foreign: BackendPrincipal = {
			kind: "backend",
			websiteId: uuidv7(),
			apiKeyId: "another-websites-key",
			name: "API",
		};
		const fromElsewhere = await server.pipeline.submit(foreign, {
			id: uuidv7(),
			type: "visitor.block",
			visitorId: bob.visitorId,
		});
		expect(fromElsewhere).toMatchObject({ status: "rejected", code: "not_found" });

		const mismatched = await agentCommand({
			type: "visitor.block",
			visitorId: bob.visitorId,
			conversationId: alice.conversationId,
		});
		expect(mismatched).toMatchObject({ status: "rejected", code: "invalid_command" });

		const rows = await database.db.prisma.visitor.findMany({
			where: { id: { in: [alice.visitorId, bob.visitorId] } },
		});
		expect(rows.map((r) => r.isBlocked)).toEqual([false, false]);
		expect(bob.visitor.closeEvents).toEqual([]);
	});

	it("assigns and unassigns agents of the website with events", async () => {
		const { conversationId } = await visitorWithConversation();
		const sam = await createAgent(server, adminToken, websiteId, "agent", "Sam");
		const convDoc = DocumentNames.conversation(conversationId);
		await agent.openSynced(convDoc);
		const meta = () =>
			agent.doc(convDoc).getMap<unknown>(CONVERSATION_DOC_KEYS.meta).toJSON() as Conversation;

		const assign = { type: "conversation.assign", conversationId, userId: sam.user.id };
		expect(await agentCommand(assign)).toMatchObject({ status: "applied" });
		expect(await agentCommand(assign)).toMatchObject({ status: "applied" });
		await eventually(() => expect(meta().assigneeIds).toEqual([sam.user.id]));

		const stranger = await agentCommand({ ...assign, userId: uuidv7() });
		expect(stranger).toMatchObject({ status: "rejected", code: "not_found" });

		const unassign = { type: "conversation.unassign", conversationId, userId: sam.user.id };
		expect(await agentCommand(unassign)).toMatchObject({ status: "applied" });
		await eventually(() => expect(meta().assigneeIds).toEqual([]));

		expect(await events(conversationId)).toEqual([
			expect.objectContaining({
				eventType: "assigned",
				actorUserId: agentId,
				targetUserId: sam.user.id,
				message: "Demo Admin assigned the conversation to Sam",
			}),
			expect.objectContaining({
				eventType: "unassigned",
				targetUserId: sam.user.id,
				message: "Demo Admin unassigned Sam",
			}),
		]);
		// The assignee list is a row too (filters of the inbox read it).
		const row = await database.db.prisma.conversation.findUniqueOrThrow({
			where: { id: conversationId },
		});
		expect(row.assigneeIds).toEqual([]);
	});
});
