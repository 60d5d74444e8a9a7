import type { Conversation } from "@cossistant/types";
import { describe, expect, it } from "vitest";
import { applyPendingCommand, lastActivity } from "../../src/agent/optimistic-summary.ts";

const base: Conversation = {
	id: "conversation-1",
	websiteId: "website-1",
	visitorId: "visitor-1",
	contactId: null,
	title: null,
	status: "open",
	priority: "medium",
	tags: ["billing"],
	participantIds: [],
	assigneeIds: [],
	lastTimelineItem: null,
	createdAt: "2026-11-21T10:00:00.000Z",
	updatedAt: "2026-11-21T10:05:00.000Z",
	resolvedAt: null,
};
const self = { userId: "user-0001" };
const envelope = { id: "command-1", conversationId: base.id };

describe("applyPendingCommand", () => {
	it("applies queued changes to the summary", () => {
		const changed = [
			{ ...envelope, type: "conversation.setStatus" as const, status: "resolved" as const },
			{ ...envelope, type: "conversation.setPriority" as const, priority: "urgent" as const },
			{ ...envelope, type: "conversation.addTag" as const, tag: "vip" },
			{ ...envelope, type: "conversation.removeTag" as const, tag: "billing" },
			{ ...envelope, type: "conversation.assign" as const, userId: "user-0002" },
			{ ...envelope, type: "conversation.join" as const },
		].reduce((summary, command) => applyPendingCommand(summary, command, self, 0), base);
		expect(changed).toMatchObject({
			status: "resolved",
			priority: "urgent",
			tags: ["vip"],
			assigneeIds: ["user-0002"],
			participantIds: ["user-0001"],
		});
		const undone = [
			{ ...envelope, type: "conversation.unassign" as const, userId: "user-0002" },
			{ ...envelope, type: "conversation.leave" as const },
		].reduce((summary, command) => applyPendingCommand(summary, command, self, 0), changed);
		expect(undone).toMatchObject({ assigneeIds: [], participantIds: [] });
	});

	it("shows my queued reply as the last item, and ignores other conversations", () => {
		const queuedAt = Date.parse("2026-11-21T11:00:00.000Z");
		const reply = applyPendingCommand(
			base,
			{
				...envelope,
				type: "message.send",
				itemId: "item-0001",
				parts: [{ type: "text", text: "On it" }],
			},
			self,
			queuedAt,
		);
		expect(reply.lastTimelineItem).toMatchObject({
			userId: "user-0001",
			parts: [{ text: "On it" }],
		});
		expect(lastActivity(reply)).toBe("2026-11-21T11:00:00.000Z");
		expect(lastActivity(base)).toBe(base.updatedAt);
		const other = applyPendingCommand(
			base,
			{
				...envelope,
				conversationId: "another-1",
				type: "conversation.setStatus",
				status: "resolved",
			},
			self,
			0,
		);
		expect(other).toBe(base);
	});
});
