import { describe, expect, it } from "vitest";
import { activeTypers, TYPING_TTL_MS } from "../../src/conversations/typing.ts";

describe("activeTypers (pure logic)", () => {
	const now = 1_000_000;

	it("lists others typing within the TTL, once each, never myself", () => {
		const typers = activeTypers(
			[
				{ typing: { principal: "user:sarah", name: "Sarah", at: now - 1_000 } },
				{ typing: { principal: "user:sarah", name: "Sarah", at: now - 500 } },
				{ typing: { principal: "visitor:me", at: now } },
				{},
			],
			"visitor:me",
			now,
		);
		expect(typers).toEqual([{ principal: "user:sarah", name: "Sarah" }]);
	});

	it("expires typing that saw no keystroke for longer than the TTL", () => {
		const state = { typing: { principal: "user:sarah", name: "Sarah", at: now } };
		expect(activeTypers([state], "visitor:me", now + TYPING_TTL_MS)).toHaveLength(1);
		expect(activeTypers([state], "visitor:me", now + TYPING_TTL_MS + 1)).toEqual([]);
	});

	it("ignores malformed states", () => {
		expect(
			activeTypers(
				[
					{ typing: "yes" },
					{ typing: { principal: 1, at: now } },
					{ typing: { principal: "user:x" } },
				],
				"visitor:me",
				now,
			),
		).toEqual([]);
	});
});
