import type { TimelineItem } from "@cossistant/types";
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { fakeConnection, openView } from "./fake-connection.ts";

const created = "2026-11-21T10:00:00.000Z";
const later = "2026-11-21T10:00:02.500Z";

function message(
	id: string,
	seq: number,
	createdAt: string,
	from: { visitorId?: string; userId?: string },
) {
	return {
		id,
		conversationId: "conversation-1",
		seq,
		type: "message",
		parts: [{ type: "text", text: id }],
		visibility: "public",
		visitorId: from.visitorId ?? null,
		userId: from.userId ?? null,
		aiAgentId: null,
		createdAt,
		updatedAt: createdAt,
	};
}

/** The server's copy: created with a welcome message and the visitor's first, then an agent's reply. */
function serverCopy() {
	const doc = new Y.Doc();
	doc.getMap("meta").set("createdAt", created);
	doc
		.getArray("timeline")
		.push([
			message("item-welcome", 1, created, {}),
			message("item-first", 2, created, { visitorId: "visitor-1" }),
			message("item-reply", 3, later, { userId: "agent-1" }),
		]);
	return Y.encodeStateAsUpdate(doc);
}

describe("ConversationView: which items are new", () => {
	it("a conversation started here: a reply that came with the very first sync is new", async () => {
		const announced: TimelineItem[] = [];
		const { connection, load, sync } = fakeConnection();
		openView(connection, { startedHere: true, onNewItems: (items) => announced.push(...items) });
		load();
		sync(serverCopy());
		await vi.waitFor(() => expect(announced.map((item) => item.id)).toEqual(["item-reply"]));
	});

	it("a conversation opened from history: what the first sync holds is history", async () => {
		const announced: TimelineItem[] = [];
		const { doc, connection, load, sync } = fakeConnection();
		const view = openView(connection, { onNewItems: (items) => announced.push(...items) });
		load();
		sync(serverCopy());
		await vi.waitFor(() => expect(view.state.getState().items).toHaveLength(3));
		expect(announced).toEqual([]);
		doc.getArray("timeline").push([message("item-next", 4, later, { userId: "agent-1" })]);
		expect(announced.map((item) => item.id)).toEqual(["item-next"]);
	});
});
