import { describe, expect, it } from "vitest";
import { safeHref, splitLinks } from "../../src/utils/linkify.ts";

describe("splitLinks", () => {
	it("links http(s) URLs and leaves trailing punctuation outside", () => {
		expect(splitLinks("See https://example.com/docs?a=1. Thanks")).toEqual([
			{ type: "text", start: 0, text: "See " },
			{
				type: "link",
				start: 4,
				text: "https://example.com/docs?a=1",
				href: "https://example.com/docs?a=1",
			},
			{ type: "text", start: 32, text: ". Thanks" },
		]);
	});

	it("never links other schemes and keeps markup as text", () => {
		const text = "<img src=x onerror=alert(1)> javascript:alert(1) data:text/html,<b>x</b> ftp://x";
		expect(splitLinks(text)).toEqual([{ type: "text", start: 0, text }]);
	});

	it("only accepts http and https hrefs", () => {
		expect(safeHref("https://a.test/x")).toBe("https://a.test/x");
		expect(safeHref("javascript:alert(1)")).toBeNull();
		expect(safeHref("/relative")).toBeNull();
	});
});
