import type { TimelineItemView } from "@cossistant/core";
import { describe, expect, it } from "vitest";
import { dayLabel, timelinePlace } from "../src/conversation/timeline-groups.ts";

/** A timeline item as the conversation view gives it, with only what grouping reads. */
function item(
	id: string,
	createdAt: string,
	who: { userId?: string; visibility?: "public" | "private"; event?: boolean } = {},
): TimelineItemView {
	return {
		id,
		createdAt,
		userId: who.userId ?? null,
		aiAgentId: null,
		visibility: who.visibility ?? "public",
		parts: who.event
			? [{ type: "event", eventType: "resolved", message: "Ada resolved the conversation" }]
			: [{ type: "text", text: id }],
	} as unknown as TimelineItemView;
}

describe("timeline grouping", () => {
	it("groups one author's messages a few minutes apart, and starts a new group otherwise", () => {
		const items = [
			item("v1", "2026-03-02T10:00:00Z"),
			item("v2", "2026-03-02T10:02:00Z"),
			item("a1", "2026-03-02T10:03:00Z", { userId: "ada" }),
			item("n1", "2026-03-02T10:03:30Z", { userId: "ada", visibility: "private" }),
			item("e1", "2026-03-02T10:04:00Z", { userId: "ada", event: true }),
			item("a2", "2026-03-02T10:05:00Z", { userId: "ada" }),
			item("a3", "2026-03-02T10:30:00Z", { userId: "ada" }),
		];
		const places = items.map((_, index) => timelinePlace(items, index));
		expect(places.map((place) => [place.first, place.last])).toEqual([
			[true, false],
			[false, true],
			[true, true],
			// A note is set apart from the same agent's public messages.
			[true, true],
			[true, true],
			[true, true],
			// Twenty-five minutes later: a new group.
			[true, true],
		]);
		expect(places[0]?.day).not.toBeNull();
		expect(places.slice(1).every((place) => place.day === null)).toBe(true);
	});

	it("puts a day separator where the day changes, named Today / Yesterday near now", () => {
		const now = new Date(2026, 2, 10, 15, 0);
		expect(dayLabel(new Date(2026, 2, 10, 9, 0).toISOString(), now)).toBe("Today");
		expect(dayLabel(new Date(2026, 2, 9, 23, 0).toISOString(), now)).toBe("Yesterday");
		const items = [
			item("v1", new Date(2026, 2, 9, 23, 58).toISOString()),
			item("v2", new Date(2026, 2, 10, 0, 1).toISOString()),
		];
		expect(timelinePlace(items, 1)).toMatchObject({ first: true });
		expect(timelinePlace(items, 1).day).not.toBeNull();
	});
});
