import { CONVERSATION_DOC_KEYS, DocumentNames, type TimelineItem } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { eventually } from "./support/eventually.ts";
import { ServerFixture, startConversation } from "./support/server-fixture.ts";
import { createWebsiteWithKey } from "./support/support-fixtures.ts";
import { testDatabaseTargets } from "./support/test-database.ts";

/** An empty Yjs document encodes to these two bytes: a replica that received no content. */
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

function timelineIds(doc: Y.Doc): string[] {
	return doc
		.getArray<TimelineItem>(CONVERSATION_DOC_KEYS.timeline)
		.toArray()
		.map((item) => item.id);
}

describe.each(testDatabaseTargets())("authorization: documents on $name", (target) => {
	const fx = ServerFixture.use(target);

	describe("documents", () => {
		it("refuses another visitor's conversation, visitor and outbox documents; the socket stays usable", async () => {
			const bob = await fx.visitorClient();
			const bobConversation = await startConversation(bob.client, "Bob's private question");

			const alice = await fx.visitorClient();
			const foreignDocs = [
				DocumentNames.conversation(bobConversation.conversationId),
				DocumentNames.visitor(bob.visitorId),
				DocumentNames.outbox(`visitor:${bob.visitorId}`),
			];
			for (const name of foreignDocs) alice.client.open(name);

			const failures = await eventually(() => {
				expect(alice.client.authFailures).toHaveLength(foreignDocs.length);
				return alice.client.authFailures;
			});
			expect(failures.map((f) => f.document).sort()).toEqual([...foreignDocs].sort());
			for (const failure of failures) expect(["forbidden", "not_found"]).toContain(failure.reason);

			// Alice's replicas of Bob's documents stayed empty: not one byte of Bob's content.
			for (const name of foreignDocs) {
				expect(Y.encodeStateAsUpdate(alice.client.doc(name))).toEqual(EMPTY_UPDATE);
				expect(alice.client.open(name).isSynced).toBe(false);
			}

			// The refusals were per document: Alice's socket still serves her own documents.
			const own = await startConversation(alice.client, "Alice's own question");
			const ownDoc = DocumentNames.conversation(own.conversationId);
			await alice.client.openSynced(ownDoc);
			expect(timelineIds(alice.client.doc(ownDoc))).toEqual([own.itemId]);
			expect(alice.client.closeEvents).toEqual([]);
		});

		it("refuses a visitor the private notes of its own conversation and the website's inbox", async () => {
			const visitor = await fx.visitorClient();
			const { conversationId } = await startConversation(visitor.client, "Hello");
			const { client: agent } = await fx.agentClient();
			const noteId = uuidv7();
			agent.send({
				id: noteId,
				type: "note.add",
				conversationId,
				itemId: uuidv7(),
				parts: [{ type: "text", text: "internal: this customer is on the legacy plan" }],
			});
			expect(await agent.result(noteId)).toMatchObject({ status: "applied" });

			const privateDoc = DocumentNames.conversationPrivate(conversationId);
			const inboxDoc = DocumentNames.inbox(visitor.websiteId);
			visitor.client.open(privateDoc);
			visitor.client.open(inboxDoc);

			const failures = await eventually(() => {
				expect(visitor.client.authFailures).toHaveLength(2);
				return visitor.client.authFailures;
			});
			expect(failures).toEqual(
				expect.arrayContaining([
					{ document: privateDoc, reason: "forbidden" },
					{ document: inboxDoc, reason: "forbidden" },
				]),
			);
			expect(Y.encodeStateAsUpdate(visitor.client.doc(privateDoc))).toEqual(EMPTY_UPDATE);
			expect(Y.encodeStateAsUpdate(visitor.client.doc(inboxDoc))).toEqual(EMPTY_UPDATE);
		});

		it("refuses an agent the documents of a website it is not a member of, and other agents' outboxes", async () => {
			const other = await createWebsiteWithKey(fx.database.db, {
				environment: "test",
				allowedOrigins: [],
			});
			const stranger = await fx.visitorClient({ publicKey: other.publicKey });
			const { conversationId } = await startConversation(
				stranger.client,
				"a customer of another website",
			);
			const { client: agent, session } = await fx.agentClient();

			const foreignDocs = [
				DocumentNames.conversation(conversationId),
				DocumentNames.conversationPrivate(conversationId),
				DocumentNames.visitor(stranger.visitorId),
				DocumentNames.inbox(other.websiteId),
				DocumentNames.outbox(`user:${uuidv7()}`),
			];
			for (const name of foreignDocs) agent.open(name);
			await eventually(() => expect(agent.authFailures).toHaveLength(foreignDocs.length));
			for (const failure of agent.authFailures) expect(failure.reason).toBe("forbidden");
			for (const name of foreignDocs) {
				expect(Y.encodeStateAsUpdate(agent.doc(name))).toEqual(EMPTY_UPDATE);
			}

			// Nor can the agent act on that conversation through commands.
			const reply = { id: uuidv7(), itemId: uuidv7() };
			agent.send({
				id: reply.id,
				type: "message.send",
				conversationId,
				itemId: reply.itemId,
				parts: [{ type: "text", text: "hello from the wrong team" }],
			});
			expect(await agent.result(reply.id)).toMatchObject({ status: "rejected", code: "forbidden" });
			expect(await fx.database.db.prisma.timelineItem.count({ where: { id: reply.itemId } })).toBe(
				0,
			);
			// Its own website's inbox still opens on the same socket.
			await agent.openSynced(DocumentNames.inbox(session.websiteIds[0] ?? ""));
		});

		it("logs refusals through the server's logger instead of printing them to stderr", async () => {
			const printed = vi.spyOn(console, "error");
			try {
				const visitor = await fx.visitorClient();
				const bob = await fx.visitorClient();
				visitor.client.open(DocumentNames.visitor(bob.visitorId));
				await eventually(() => expect(visitor.client.authFailures).toHaveLength(1));
				expect(printed).not.toHaveBeenCalled();
			} finally {
				printed.mockRestore();
			}
		});

		it("ignores a visitor's direct write to its own (read-only) conversation document", async () => {
			const visitor = await fx.visitorClient();
			const { conversationId, itemId: firstItemId } = await startConversation(visitor.client, "Hi");
			const convDoc = DocumentNames.conversation(conversationId);
			const { client: agent, session } = await fx.agentClient();
			await agent.openSynced(convDoc);
			await visitor.client.openSynced(convDoc);
			const updatesBefore = await fx.database.db.prisma.docUpdate.count({
				where: { docName: convDoc },
			});

			// The visitor forges an agent's message and a status change straight into its replica.
			const forgedId = uuidv7();
			const replica = visitor.client.doc(convDoc);
			replica.transact(() => {
				replica.getArray<TimelineItem>(CONVERSATION_DOC_KEYS.timeline).push([
					{
						id: forgedId,
						conversationId,
						seq: 2,
						type: "message",
						parts: [{ type: "text", text: "Refund approved! (forged)" }],
						visibility: "public",
						visitorId: null,
						userId: session.user.id,
						aiAgentId: null,
						createdAt: new Date().toISOString(),
						updatedAt: new Date().toISOString(),
					},
				]);
				replica.getMap(CONVERSATION_DOC_KEYS.meta).set("status", "resolved");
			});

			// A legitimate message sent afterwards is the barrier: once the agent has it, the forged
			// update had every chance to arrive first.
			const legitItemId = uuidv7();
			const send = uuidv7();
			visitor.client.send({
				id: send,
				type: "message.send",
				conversationId,
				itemId: legitItemId,
				parts: [{ type: "text", text: "a real message" }],
			});
			expect(await visitor.client.result(send)).toMatchObject({ status: "applied" });
			await eventually(() => expect(timelineIds(agent.doc(convDoc))).toContain(legitItemId));

			expect(timelineIds(agent.doc(convDoc))).toEqual([firstItemId, legitItemId]);
			expect(agent.doc(convDoc).getMap(CONVERSATION_DOC_KEYS.meta).get("status")).toBe("open");

			const serverDoc = fx.server.hocuspocus.documents.get(convDoc);
			expect(serverDoc).toBeDefined();
			expect(timelineIds(serverDoc as Y.Doc)).toEqual([firstItemId, legitItemId]);
			expect((serverDoc as Y.Doc).getMap(CONVERSATION_DOC_KEYS.meta).get("status")).toBe("open");

			const rows = await fx.database.db.prisma.timelineItem.findMany({
				where: { conversationId },
				orderBy: { seq: "asc" },
			});
			expect(rows.map((row) => row.id)).toEqual([firstItemId, legitItemId]);
			const conversation = await fx.database.db.prisma.conversation.findUniqueOrThrow({
				where: { id: conversationId },
			});
			expect(conversation.status).toBe("open");
			// Only the pipeline's own update was logged for the document.
			expect(await fx.database.db.prisma.docUpdate.count({ where: { docName: convDoc } })).toBe(
				updatesBefore + 1,
			);
		});
	});
});
