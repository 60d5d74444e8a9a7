import { DocumentNames } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VisitorPrincipal } from "../src/auth/principal.ts";
import { eventually } from "./support/eventually.ts";
import { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor, loginAgent, startTestServer } from "./support/test-server.ts";

describe.each(testDatabaseTargets())("restarts, load path and shutdown on $name", (target) => {
	let database: TestDatabase;
	const clients: TestClient[] = [];
	/** Only the run that seeds the database knows the demo password; later servers do not. */
	let agentPassword = "";

	beforeAll(async () => {
		database = await target.create();
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		await database.drop();
	});

	it("applies the same command once even when it is delivered again after a restart", async () => {
		const first = await startTestServer(database.db);
		agentPassword = first.demo?.agentPassword ?? agentPassword;
		const boot = await bootstrapVisitor(first, first.demo?.publicKey ?? "");
		const principal: VisitorPrincipal = {
			kind: "visitor",
			visitorId: boot.visitor.id,
			websiteId: boot.website.id,
		};
		const conversationId = uuidv7();
		const start = { id: uuidv7(), type: "conversation.start", conversationId };
		const message = {
			id: uuidv7(),
			type: "message.send",
			conversationId,
			itemId: uuidv7(),
			parts: [{ type: "text", text: "hi" }],
		};
		expect(await first.pipeline.submit(principal, start)).toMatchObject({ status: "applied" });
		expect(await first.pipeline.submit(principal, message)).toMatchObject({ status: "applied" });
		await first.stop();

		const second = await startTestServer(database.db);
		try {
			// A client whose outbox still holds both commands (it never saw the results) resyncs.
			const visitor = new TestClient({
				wsUrl: second.wsUrl,
				token: boot.visitorToken,
				principal: `visitor:${boot.visitor.id}`,
				publicKey: second.demo?.publicKey,
			});
			clients.push(visitor);
			visitor.send(start);
			visitor.send(message);
			expect(await visitor.result(start.id)).toMatchObject({ status: "applied" });
			expect(await visitor.result(message.id)).toMatchObject({ status: "applied" });
			expect(await database.db.prisma.timelineItem.count({ where: { conversationId } })).toBe(1);
			expect(await database.db.prisma.conversation.count({ where: { id: conversationId } })).toBe(
				1,
			);
			await visitor.openSynced(DocumentNames.conversation(conversationId));
			expect(visitor.timeline(DocumentNames.conversation(conversationId)).map((i) => i.id)).toEqual(
				[message.itemId],
			);
		} finally {
			await second.stop();
		}
	});

	it("compacts the update log into a snapshot and loads snapshot + tail after a restart", async () => {
		const first = await startTestServer(database.db, { COMPACTION_THRESHOLD: "5" });
		const boot = await bootstrapVisitor(first, first.demo?.publicKey ?? "");
		const principal: VisitorPrincipal = {
			kind: "visitor",
			visitorId: boot.visitor.id,
			websiteId: boot.website.id,
		};
		const conversationId = uuidv7();
		const docName = DocumentNames.conversation(conversationId);
		await first.pipeline.submit(principal, {
			id: uuidv7(),
			type: "conversation.start",
			conversationId,
		});
		const itemIds: string[] = [];
		for (let i = 0; i < 23; i++) {
			const itemId = uuidv7();
			itemIds.push(itemId);
			const result = await first.pipeline.submit(principal, {
				id: uuidv7(),
				type: "message.send",
				conversationId,
				itemId,
				parts: [{ type: "text", text: `n${i}` }],
			});
			expect(result.status).toBe("applied");
		}
		await eventually(async () => {
			const snapshot = await database.db.prisma.docSnapshot.findUnique({ where: { docName } });
			expect(snapshot?.mergedCount ?? 0).toBeGreaterThanOrEqual(20);
		});
		const tail = await database.db.prisma.docUpdate.count({ where: { docName } });
		expect(tail).toBeLessThan(5);
		await first.stop();

		const second = await startTestServer(database.db);
		try {
			const session = await loginAgent(second, agentPassword);
			const agent = new TestClient({
				wsUrl: second.wsUrl,
				token: session.token,
				principal: `user:${session.user.id}`,
			});
			clients.push(agent);
			await agent.openSynced(docName);
			expect(agent.timeline(docName).map((i) => i.id)).toEqual(itemIds);
			// And writing continues on top of the loaded state, in order.
			const next = uuidv7();
			await second.pipeline.submit(principal, {
				id: uuidv7(),
				type: "message.send",
				conversationId,
				itemId: next,
				parts: [{ type: "text", text: "after" }],
			});
			await eventually(() =>
				expect(agent.timeline(docName).map((i) => i.id)).toEqual([...itemIds, next]),
			);
			expect(agent.timeline(docName).at(-1)?.seq).toBe(24);
		} finally {
			await second.stop();
		}
	});

	it("finishes every queued command before a graceful stop completes", async () => {
		const server = await startTestServer(database.db);
		const boot = await bootstrapVisitor(server, server.demo?.publicKey ?? "");
		const principal: VisitorPrincipal = {
			kind: "visitor",
			visitorId: boot.visitor.id,
			websiteId: boot.website.id,
		};
		const conversationId = uuidv7();
		await server.pipeline.submit(principal, {
			id: uuidv7(),
			type: "conversation.start",
			conversationId,
		});
		const pending = Array.from({ length: 200 }, (_, i) =>
			server.pipeline.submit(principal, {
				id: uuidv7(),
				type: "message.send",
				conversationId,
				itemId: uuidv7(),
				parts: [{ type: "text", text: `q${i}` }],
			}),
		);
		await server.stop();
		const results = await Promise.all(pending);
		expect(results.every((r) => r.status === "applied")).toBe(true);
		expect(await database.db.prisma.timelineItem.count({ where: { conversationId } })).toBe(200);
		// After the stop, nothing new is accepted (and the client keeps it in its outbox).
		const late = await server.pipeline.submit(principal, {
			id: uuidv7(),
			type: "conversation.markSeen",
			conversationId,
		});
		expect(late).toMatchObject({ status: "rejected", retryable: true });
	});
});
