// Malformed commands in an outbox: each is rejected with a clear code, writes nothing, and the
// next good command is applied. Real server, real database, real sockets.

import { type CommandResult, LIMITS, OUTBOX_KEYS } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { describe, expect, it } from "vitest";
import { ServerFixture, startConversation } from "./support/server-fixture.ts";
import { testDatabaseTargets } from "./support/test-database.ts";

describe.each(testDatabaseTargets())("bad commands on $name", (target) => {
	const fx = ServerFixture.use(target);

	describe("malformed commands in the outbox", () => {
		it("rejects each with a clear code, writes nothing, and applies a good command sent right after", async () => {
			const { client: visitor, visitorId } = await fx.visitorClient();
			const start = await startConversation(visitor, "Hello");
			const { conversationId, itemId: firstItemId } = start;
			const text = (value: string) => [{ type: "text", text: value }];
			const message = (overrides: Record<string, unknown>) => ({
				id: uuidv7(),
				type: "message.send",
				conversationId,
				itemId: uuidv7(),
				parts: text("fine"),
				...overrides,
			});
			// Fits every other rule, but 7 × 9,500 characters is over the command size cap.
			const oversizedParts = Array.from({ length: 7 }, () => ({
				type: "text",
				text: "x".repeat(9_500),
			}));
			expect(JSON.stringify(oversizedParts).length).toBeGreaterThan(LIMITS.maxCommandBytes);

			const cases = [
				{
					name: "missing fields",
					command: { id: uuidv7(), type: "message.send" },
					code: "invalid_command",
					mentions: ["conversationId", "itemId", "parts"],
				},
				{
					name: "wrong types",
					command: message({ conversationId: 42, itemId: true, parts: "hello" }),
					code: "invalid_command",
					mentions: ["conversationId", "itemId", "parts"],
				},
				{
					name: "no parts",
					command: message({ parts: [] }),
					code: "invalid_command",
					mentions: ["parts"],
				},
				{
					name: "too many parts",
					command: message({
						parts: Array.from({ length: LIMITS.maxParts + 1 }, () => text("a")[0]),
					}),
					code: "invalid_command",
					mentions: ["parts"],
				},
				{
					name: "text over maxTextLength",
					command: message({ parts: text("x".repeat(LIMITS.maxTextLength + 1)) }),
					code: "invalid_command",
					mentions: ["parts.0.text"],
				},
				{
					name: "javascript: URL in an image",
					command: message({
						parts: [
							{ type: "image", url: "javascript:alert(document.cookie)", mediaType: "image/png" },
						],
					}),
					code: "invalid_command",
					mentions: ["parts.0.url"],
				},
				{
					name: "unknown part type",
					command: message({
						parts: [{ type: "event", eventType: "resolved", message: "forged" }],
					}),
					code: "invalid_command",
					mentions: ["parts.0"],
				},
				{
					name: "malformed id",
					command: message({ id: "short" }),
					code: "invalid_command",
					mentions: ["id"],
				},
				{
					name: "malformed conversation id",
					command: message({ conversationId: "../../etc/passwd" }),
					code: "invalid_command",
					mentions: ["conversationId"],
				},
				{
					name: "unknown command type",
					command: { id: uuidv7(), type: "conversation.delete", conversationId },
					code: "unknown_command",
					mentions: ["conversation.delete"],
				},
				{
					name: "an Object.prototype name as command type",
					command: { id: uuidv7(), type: "constructor", conversationId },
					code: "unknown_command",
					mentions: ["constructor"],
				},
				{
					name: "under the cap in characters but over it in UTF-8 bytes",
					command: message({
						parts: Array.from({ length: 4 }, () => ({ type: "text", text: "😀".repeat(5_000) })),
					}),
					code: "command_too_large",
					mentions: [String(LIMITS.maxCommandBytes)],
				},
				{
					name: "no command type",
					command: { id: uuidv7(), conversationId },
					code: "unknown_command",
					mentions: ["null"],
				},
				{
					name: "command over maxCommandBytes",
					command: message({ parts: oversizedParts }),
					code: "command_too_large",
					mentions: [String(LIMITS.maxCommandBytes)],
				},
			];
			// Entries the server cannot answer (no usable id): ignored, never applied.
			const unanswerableItemId = uuidv7();
			const unanswerable: unknown[] = [
				42,
				"message.send",
				null,
				true,
				["an", "array"],
				{ type: "message.send", conversationId, itemId: unanswerableItemId, parts: text("no id") },
				{ ...message({}), id: "" },
				{ ...message({}), id: 12345678 },
				{ ...message({}), id: "x".repeat(65) },
			];

			const commands = visitor.outboxDoc.getArray<unknown>(OUTBOX_KEYS.commands);
			for (const { command } of cases) visitor.send(command);
			commands.push(unanswerable);
			const good = message({ parts: text("this one is fine") });
			visitor.send(good);

			expect(await visitor.result(good.id)).toMatchObject({ status: "applied" });
			for (const { name, command, code, mentions } of cases) {
				const result = await visitor.result(command.id as string);
				expect({
					name,
					status: result.status,
					code: result.status === "rejected" && result.code,
				}).toEqual({
					name,
					status: "rejected",
					code,
				});
				const { reason, retryable } = result as Extract<CommandResult, { status: "rejected" }>;
				expect(retryable).toBe(false);
				for (const word of mentions) expect(reason, name).toContain(word);
			}
			const answered = [...visitor.outboxDoc.getMap(OUTBOX_KEYS.results).keys()].sort();
			expect(answered).toEqual(
				[start.commandId, ...cases.map((c) => c.command.id as string), good.id].sort(),
			);

			// Nothing of the malformed commands reached the database; the good one did.
			const items = await fx.database.db.prisma.timelineItem.findMany({
				where: { conversationId },
				orderBy: { seq: "asc" },
			});
			expect(items.map((item) => item.id)).toEqual([firstItemId, good.itemId]);
			expect(
				await fx.database.db.prisma.timelineItem.count({ where: { id: unanswerableItemId } }),
			).toBe(0);
			expect(await fx.database.db.prisma.conversation.count({ where: { visitorId } })).toBe(1);
			expect(
				await fx.database.db.prisma.commandLedger.count({
					where: { id: { in: cases.map((c) => c.command.id as string) } },
				}),
			).toBe(0);
		});
	});
});
