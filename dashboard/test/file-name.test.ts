import type { TimelineItem } from "@cossistant/types";
import { describe, expect, it } from "vitest";
import { displayFileName } from "../src/conversation/file-name.ts";
import { previewText } from "../src/inbox/inbox-filter.ts";

describe("file names shown to agents", () => {
	it("drop every bidirectional control, whatever reached the timeline", () => {
		const spoofed =
			"in\u061cvoice\u2066\u202etxt.exe\u2069\u200e\u200f\u202a\u202b\u202c\u202d.pdf";
		expect(displayFileName(spoofed)).toBe("invoicetxt.exe.pdf");
		expect(displayFileName(undefined)).toBeUndefined();
	});

	it("in the inbox preview too", () => {
		const item = {
			parts: [
				{
					type: "file",
					url: "/v1/uploads/x",
					mediaType: "application/pdf",
					name: "a\u202efdp.exe",
					size: 1,
				},
			],
		} as unknown as TimelineItem;
		expect(previewText(item)).toBe("📎 afdp.exe");
	});
});
