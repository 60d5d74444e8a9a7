import type { TimelineItemView } from "@cossistant/core";
import { describe, expect, it } from "vitest";
import { groupTimeline } from "../../src/utils/timeline-groups.ts";

function item(
	id: string,
	createdAt: string,
	actor: Partial<TimelineItemView>,
	type: "message" | "event" = "message",
) {
	return {
		id,
		conversationId: "c",
		seq: 1,
		type,
		parts: [],
		visibility: "public",
		visitorId: null,
		userId: null,
		aiAgentId: null,
		createdAt,
		updatedAt: createdAt,
		pending: false,
		delivery: null,
		failure: null,
		commandId: null,
		...actor,
	} as TimelineItemView;
}

describe("groupTimeline", () => {
	it("groups consecutive messages of one sender, separates days and events", () => {
		const rows = groupTimeline(
			[
				item("default:0", new Date(0).toISOString(), {}),
				item("a", "2026-01-01T10:00:00Z", { visitorId: "v1" }),
				item("b", "2026-01-01T10:01:00Z", { visitorId: "v1" }),
				item("c", "2026-01-01T10:02:00Z", { userId: "u1" }),
				item("e", "2026-01-02T09:00:00Z", { userId: "u1" }, "event"),
				item("d", "2026-01-02T10:00:00Z", { userId: "u1" }),
			],
			"v1",
		);
		expect(
			rows.map((row) =>
				row.type === "group" ? `${row.sender}:${row.items.length}:${row.mine}` : row.type,
			),
		).toEqual([
			"team:1:false",
			"day",
			"visitor:v1:2:true",
			"user:u1:1:false",
			"day",
			"event",
			"user:u1:1:false",
		]);
	});
});
