import { describe, expect, it } from "vitest";
import { newId } from "../../src/ids/new-id.ts";

describe("newId", () => {
	it("is a version-7, variant-1 UUID carrying the current time", () => {
		const before = Date.now();
		const id = newId();
		const after = Date.now();
		expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		const millis = Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16);
		expect(millis).toBeGreaterThanOrEqual(before);
		expect(millis).toBeLessThanOrEqual(after);
	});

	it("never repeats", () => {
		const ids = new Set(Array.from({ length: 10_000 }, () => newId()));
		expect(ids.size).toBe(10_000);
	});
});
