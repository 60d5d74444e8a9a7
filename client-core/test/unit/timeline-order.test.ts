import type { TimelineItem } from "@cossistant/types";
import { describe, expect, it, vi } from "vitest";
import { buildTimelineView } from "../../src/conversations/timeline-view.ts";
import type { OutboxEntry } from "../../src/outbox/outbox.ts";
import { fakeConnection, openView } from "./fake-connection.ts";

function item(id: string, seq: number, createdAt: string): TimelineItem {
	return {
		id,
		conversationId: "conversation-1",
		seq,
		type: "message",
		parts: [{ type: "text", text: id }],
		visibility: "public",
		visitorId: null,
		userId: "agent-1",
		aiAgentId: null,
		createdAt,
		updatedAt: createdAt,
	};
}

// The server's clock stepped back between seq 2 and 3; seq 4 and 5 were written in one batch
// (same time) but arrived in the document the other way round.
const shared = [
	item("item-00a", 1, "2026-11-21T10:00:01.000Z"),
	item("item-00b", 2, "2026-11-21T10:00:05.000Z"),
	item("item-00c", 3, "2026-11-21T10:00:03.000Z"),
	item("item-00e", 5, "2026-11-21T10:00:09.000Z"),
	item("item-00d", 4, "2026-11-21T10:00:09.000Z"),
	// Another offset form of an instant between a and c.
	item("item-00z", 6, "2026-11-21T11:00:02+01:00"),
];
const ordered = ["item-00a", "item-00z", "item-00c", "item-00b", "item-00d", "item-00e"];

describe("timeline order", () => {
	it("is createdAt, ties by seq, with my pending messages last", () => {
		const pending: OutboxEntry = {
			command: {
				id: "command-1",
				type: "message.send",
				conversationId: "conversation-1",
				itemId: "item-00mine",
				parts: [{ type: "text", text: "mine" }],
			},
			state: "queued",
			// Earlier than every server item: a pending copy still shows last.
			queuedAt: Date.parse("2026-11-21T09:00:00.000Z"),
		};
		const view = buildTimelineView({
			shared,
			pending: [pending],
			conversationId: "conversation-1",
			self: { visitorId: "visitor-1" },
			seenByOthersAt: null,
		});
		expect(view.map((i) => i.id)).toEqual([...ordered, "item-00mine"]);
		expect(view.at(-1)?.pending).toBe(true);
	});

	it("is what a conversation view shows and announces", async () => {
		const announced: string[] = [];
		const { doc, connection, load } = fakeConnection();
		const view = openView(connection, {
			onNewItems: (items) => announced.push(...items.map((i) => i.id)),
		});
		doc.getArray("timeline").push([item("item-000", 1, "2026-11-21T09:00:00.000Z")]);
		load();
		await vi.waitFor(() => expect(view.state.getState().items).toHaveLength(1));
		doc.transact(() =>
			doc.getArray("timeline").push(shared.map((i) => ({ ...i, seq: i.seq + 1 }))),
		);
		expect(view.state.getState().items.map((i) => i.id)).toEqual(["item-000", ...ordered]);
		expect(announced).toEqual(ordered);
	});
});
