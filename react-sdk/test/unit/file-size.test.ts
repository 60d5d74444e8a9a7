import { describe, expect, it } from "vitest";
import { formatFileSize } from "../../src/utils/file-size.ts";

describe("file sizes in attachment chips", () => {
	it("writes kilobytes and megabytes in the widget's locale", () => {
		expect(formatFileSize(48_000, "en")).toBe("48 kB");
		expect(formatFileSize(3_200_000, "en")).toBe("3.2 MB");
		// Intl picks the space (ICU puts a narrow no-break one in French).
		expect(formatFileSize(3_200_000, "fr")).toMatch(/^3,2\sMo$/);
		expect(formatFileSize(820, "es")).toBe("0,8 kB");
	});

	it("shows a few bytes as 0.1 kB, not as an empty file", () => {
		expect(formatFileSize(11, "en")).toBe("0.1 kB");
		expect(formatFileSize(0, "en")).toBe("0 kB");
	});

	it("falls back to the browser's format for a locale tag Intl rejects", () => {
		expect(formatFileSize(48_000, "not a locale!")).toMatch(/^48\s?kB$/);
	});
});
