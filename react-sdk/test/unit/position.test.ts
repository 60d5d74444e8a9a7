import { describe, expect, it } from "vitest";
import { computePosition, type PositionOptions } from "../../src/utils/position.ts";

const viewport = { width: 1000, height: 800 };
const size = { width: 300, height: 400 };
const options: PositionOptions = {
	side: "top",
	align: "end",
	sideOffset: 16,
	avoidCollisions: true,
	collisionPadding: 8,
};

describe("computePosition", () => {
	it("places the content above a bottom-right trigger, aligned to its end", () => {
		const trigger = { top: 720, left: 920, width: 56, height: 56 };
		expect(computePosition(trigger, size, viewport, options)).toEqual({
			top: 304,
			left: 676,
			side: "top",
		});
	});

	it("flips to the opposite side when the preferred one lacks room", () => {
		const trigger = { top: 20, left: 100, width: 56, height: 56 };
		expect(computePosition(trigger, size, viewport, options).side).toBe("bottom");
		expect(
			computePosition(trigger, size, viewport, { ...options, avoidCollisions: false }).side,
		).toBe("top");
	});

	it("shifts along the axis to keep the padding from the edges", () => {
		const trigger = { top: 720, left: 10, width: 56, height: 56 };
		expect(
			computePosition(trigger, size, viewport, { ...options, collisionPadding: { left: 24 } }).left,
		).toBe(24);
	});
});
