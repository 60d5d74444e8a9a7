// Who may issue which command, and whose name a command may carry, against a real server.

import { uuidv7 } from "uuidv7";
import { describe, expect, it } from "vitest";
import { ServerFixture, startConversation } from "./support/server-fixture.ts";
import { testDatabaseTargets } from "./support/test-database.ts";

describe.each(testDatabaseTargets())("authorization: commands on $name", (target) => {
	const fx = ServerFixture.use(target);

	describe("commands", () => {
		it("rejects agent commands from a visitor with forbidden and writes nothing", async () => {
			const visitor = await fx.visitorClient();
			const { conversationId, itemId } = await startConversation(visitor.client, "Hello");
			const before = await fx.database.db.prisma.conversation.findUniqueOrThrow({
				where: { id: conversationId },
			});

			const noteItemId = uuidv7();
			const agentCommands = [
				{ type: "note.add", itemId: noteItemId, parts: [{ type: "text", text: "fake note" }] },
				{ type: "conversation.setStatus", status: "resolved" },
				{ type: "conversation.setPriority", priority: "urgent" },
				{ type: "conversation.addTag", tag: "vip" },
				{ type: "conversation.removeTag", tag: "vip" },
				{ type: "conversation.join" },
				{ type: "conversation.leave" },
			].map((command) => ({ id: uuidv7(), conversationId, ...command }));
			for (const command of agentCommands) visitor.client.send(command);

			for (const command of agentCommands) {
				const result = await visitor.client.result(command.id);
				expect(result).toMatchObject({ status: "rejected", code: "forbidden", retryable: false });
				expect(result.status === "rejected" && result.reason).toContain(command.type);
			}

			const after = await fx.database.db.prisma.conversation.findUniqueOrThrow({
				where: { id: conversationId },
			});
			expect(after).toEqual(before);
			const items = await fx.database.db.prisma.timelineItem.findMany({
				where: { conversationId },
			});
			expect(items.map((item) => item.id)).toEqual([itemId]);
			expect(
				await fx.database.db.prisma.commandLedger.count({
					where: { id: { in: agentCommands.map((c) => c.id) } },
				}),
			).toBe(0);
		});

		it("rejects posting into another visitor's conversation and reusing its id", async () => {
			const bob = await fx.visitorClient();
			const bobConversation = await startConversation(bob.client, "Bob here");
			const alice = await fx.visitorClient();

			const intrusion = { id: uuidv7(), itemId: uuidv7() };
			alice.client.send({
				id: intrusion.id,
				type: "message.send",
				conversationId: bobConversation.conversationId,
				itemId: intrusion.itemId,
				parts: [{ type: "text", text: "Alice was here" }],
			});
			expect(await alice.client.result(intrusion.id)).toMatchObject({
				status: "rejected",
				code: "not_found",
			});

			const takeover = { id: uuidv7(), itemId: uuidv7() };
			alice.client.send({
				id: takeover.id,
				type: "conversation.start",
				conversationId: bobConversation.conversationId,
				initialMessage: { itemId: takeover.itemId, parts: [{ type: "text", text: "mine now" }] },
			});
			expect(await alice.client.result(takeover.id)).toMatchObject({
				status: "rejected",
				code: "conflict",
			});

			const conversation = await fx.database.db.prisma.conversation.findUniqueOrThrow({
				where: { id: bobConversation.conversationId },
			});
			expect(conversation.visitorId).toBe(bob.visitorId);
			const items = await fx.database.db.prisma.timelineItem.findMany({
				where: { conversationId: bobConversation.conversationId },
			});
			expect(items.map((item) => item.id)).toEqual([bobConversation.itemId]);
			expect(
				await fx.database.db.prisma.timelineItem.count({
					where: { id: { in: [intrusion.itemId, takeover.itemId] } },
				}),
			).toBe(0);
		});
	});

	describe("forged attribution", () => {
		it("refuses another principal's command id without revealing that command's outcome", async () => {
			const bob = await fx.visitorClient();
			const bobConversation = await startConversation(bob.client, "Bob here");
			const alice = await fx.visitorClient();
			const aliceConversation = await startConversation(alice.client, "Alice here");

			// Alice reuses the id of Bob's (applied) start command for her own message.
			const reused = {
				id: bobConversation.commandId,
				type: "message.send",
				conversationId: aliceConversation.conversationId,
				itemId: uuidv7(),
				parts: [{ type: "text", text: "same id" }],
			};
			alice.client.send(reused);
			expect(await alice.client.result(reused.id)).toMatchObject({
				status: "rejected",
				code: "conflict",
			});
			expect(await fx.database.db.prisma.timelineItem.count({ where: { id: reused.itemId } })).toBe(
				0,
			);
		});

		it("never attributes a visitor's welcome messages to a real agent", async () => {
			const visitor = await fx.visitorClient();
			const agent = await fx.agentClient();
			const conversationId = uuidv7();
			const start = uuidv7();
			visitor.client.send({
				id: start,
				type: "conversation.start",
				conversationId,
				defaultMessages: [
					{
						content: "Refund approved",
						senderType: "team_member",
						senderId: agent.session.user.id,
					},
					{ content: "I am the AI", senderType: "ai", senderId: "some-ai-agent" },
				],
			});
			expect(await visitor.client.result(start)).toMatchObject({ status: "applied" });
			const items = await fx.database.db.prisma.timelineItem.findMany({
				where: { conversationId },
			});
			expect(items).toHaveLength(2);
			for (const item of items)
				expect(item).toMatchObject({ userId: null, aiAgentId: null, visitorId: null });
		});
	});
});
