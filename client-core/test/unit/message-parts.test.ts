import { describe, expect, it } from "vitest";
import { hasContent, toParts } from "../../src/conversations/message-parts.ts";
import { CossistantConfigurationError } from "../../src/errors.ts";

describe("toParts", () => {
	it("makes one text part of text and keeps parts as they are", () => {
		expect(toParts("Hello")).toEqual([{ type: "text", text: "Hello" }]);
		const parts = [{ type: "text" as const, text: "Hi" }];
		expect(toParts(parts)).toBe(parts);
	});

	it("refuses blank text and no parts with a CossistantConfigurationError (invalid_usage)", () => {
		for (const empty of ["", "   \n", []]) {
			expect(hasContent(empty)).toBe(false);
			let thrown: unknown;
			try {
				toParts(empty);
			} catch (error) {
				thrown = error;
			}
			expect(thrown).toBeInstanceOf(CossistantConfigurationError);
			expect(thrown).toMatchObject({
				code: "invalid_usage",
				message: "A message needs text or parts.",
			});
		}
		expect(hasContent(undefined)).toBe(false);
		expect(hasContent(" x ")).toBe(true);
	});
});
