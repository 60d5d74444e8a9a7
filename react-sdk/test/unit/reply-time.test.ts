import { describe, expect, it } from "vitest";
import { formatReplyTime } from "../../src/utils/reply-time.ts";

describe("the home page's reply time", () => {
	it("rounds up to minutes below an hour, hours up to 23 hours, days beyond", () => {
		expect(formatReplyTime(5, "en")).toBe("in 5 minutes");
		expect(formatReplyTime(59, "en")).toBe("in 59 minutes");
		expect(formatReplyTime(60, "en")).toBe("in 1 hour");
		expect(formatReplyTime(90, "en")).toBe("in 2 hours");
		expect(formatReplyTime(23 * 60, "en")).toBe("in 23 hours");
		expect(formatReplyTime(23 * 60 + 1, "en")).toBe("in 1 day");
		expect(formatReplyTime(3000, "en")).toBe("in 3 days");
	});

	it("speaks the widget's locale", () => {
		expect(formatReplyTime(15, "fr")).toMatch(/^dans 15\sminutes$/);
		expect(formatReplyTime(120, "es")).toBe("dentro de 2 horas");
	});

	it("falls back to the browser's format for a locale tag Intl rejects", () => {
		expect(formatReplyTime(15, "not a locale!")).toMatch(/15/);
	});
});
