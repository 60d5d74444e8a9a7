import { describe, expect, it } from "vitest";
import { formatDayLabel } from "../../src/utils/day-label.ts";

describe("day separator labels", () => {
	const now = new Date(2026, 10, 21, 15, 0);

	it("says today for today's messages", () => {
		expect(formatDayLabel(new Date(2026, 10, 21, 8, 30), "fr", "Aujourd'hui", now)).toBe(
			"Aujourd'hui",
		);
	});

	it("writes earlier days in the widget's locale, not the browser's", () => {
		const earlier = new Date(2026, 2, 12, 9, 0);
		expect(formatDayLabel(earlier, "fr", "Aujourd'hui", now)).toBe("12 mars 2026");
		expect(formatDayLabel(earlier, "es", "Hoy", now)).toBe("12 mar 2026");
		expect(formatDayLabel(earlier, "en", "Today", now)).toBe("Mar 12, 2026");
	});

	it("falls back to the browser's format for a locale tag Intl rejects", () => {
		const earlier = new Date(2026, 2, 12, 9, 0);
		expect(formatDayLabel(earlier, "not a locale!", "Today", now)).toContain("2026");
	});
});
