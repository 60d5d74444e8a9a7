import type { InboxConversation } from "@cossistant/core/agent";
import { describe, expect, it } from "vitest";
import {
	allTags,
	DEFAULT_FILTER,
	filterInbox,
	inboxCounts,
	previewText,
} from "../src/inbox/inbox-filter.ts";

const at = "2026-11-21T10:00:00.000Z";

function conversation(id: string, patch: Partial<InboxConversation> = {}): InboxConversation {
	return {
		id,
		websiteId: "website-1",
		visitorId: `visitor-${id}`,
		contactId: null,
		title: null,
		status: "open",
		priority: "medium",
		tags: [],
		participantIds: [],
		assigneeIds: [],
		lastTimelineItem: null,
		createdAt: at,
		updatedAt: at,
		resolvedAt: null,
		activityAt: at,
		unread: false,
		hasPendingChanges: false,
		...patch,
	};
}

function message(text: string) {
	return {
		id: "item-0001",
		conversationId: "c",
		seq: 1,
		type: "message" as const,
		parts: [{ type: "text" as const, text }],
		visibility: "public" as const,
		visitorId: "v",
		userId: null,
		aiAgentId: null,
		createdAt: at,
		updatedAt: at,
	};
}

const context = {
	userId: "me-000001",
	contact: (id: string) =>
		id === "contact-1" ? { name: "Zoë Martin", email: "zoe@example.com" } : undefined,
};

describe("filterInbox", () => {
	const list = [
		conversation("c1", { contactId: "contact-1", lastTimelineItem: message("Refund please") }),
		conversation("c2", { status: "resolved", tags: ["billing"], priority: "urgent" }),
		conversation("c3", { assigneeIds: ["me-000001"], tags: ["bug"], priority: "high" }),
		conversation("c4", { assigneeIds: ["someone-else"], unread: true }),
	];

	it("shows the view asked for", () => {
		expect(filterInbox(list, DEFAULT_FILTER, context).map((c) => c.id)).toEqual(["c1", "c3", "c4"]);
		const resolved = filterInbox(list, { ...DEFAULT_FILTER, view: "resolved" }, context);
		expect(resolved.map((c) => c.id)).toEqual(["c2"]);
		expect(filterInbox(list, { ...DEFAULT_FILTER, view: "all" }, context)).toHaveLength(4);
	});

	it("filters by priority, tag and assignee", () => {
		const all = { ...DEFAULT_FILTER, view: "all" as const };
		expect(filterInbox(list, { ...all, priority: "urgent" }, context).map((c) => c.id)).toEqual([
			"c2",
		]);
		expect(filterInbox(list, { ...all, tag: "bug" }, context).map((c) => c.id)).toEqual(["c3"]);
		expect(filterInbox(list, { ...all, assignee: "mine" }, context).map((c) => c.id)).toEqual([
			"c3",
		]);
		expect(filterInbox(list, { ...all, assignee: "unassigned" }, context).map((c) => c.id)).toEqual(
			["c1", "c2"],
		);
	});

	it("searches contact name (accents ignored), email and message text", () => {
		const search = (text: string) =>
			filterInbox(list, { ...DEFAULT_FILTER, view: "all", search: text }, context).map((c) => c.id);
		expect(search("zoe")).toEqual(["c1"]);
		expect(search("ZOE@EXAMPLE")).toEqual(["c1"]);
		expect(search("refund")).toEqual(["c1"]);
		expect(search("refund zoe")).toEqual(["c1"]);
		expect(search("refund bob")).toEqual([]);
	});

	it("counts views and unread open conversations, and lists tags", () => {
		expect(inboxCounts(list)).toEqual({ open: 3, resolved: 1, all: 4, unread: 1 });
		expect(allTags(list)).toEqual(["billing", "bug"]);
	});
});

describe("previewText", () => {
	it("joins text, names attachments and reads events", () => {
		expect(previewText(null)).toBe("");
		expect(previewText(message("Hello\n\nthere"))).toBe("Hello there");
		expect(
			previewText({
				...message("x"),
				parts: [
					{
						type: "file",
						url: "/v1/uploads/a",
						mediaType: "application/pdf",
						name: "invoice.pdf",
						size: 3,
					},
				],
			}),
		).toBe("📎 invoice.pdf");
	});
});
