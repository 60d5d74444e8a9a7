import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { messagePartSchema, timelineItemSchema } from "../src/index.ts";

const item = {
	id: "item_0001",
	conversationId: "conv_0001",
	seq: 1,
	type: "message",
	visibility: "public",
	visitorId: "vis_1",
	userId: null,
	aiAgentId: null,
	createdAt: "2024-01-15T10:30:00.000Z",
	updatedAt: "2024-01-15T10:30:00.000Z",
};
const file = {
	type: "file",
	url: "/v1/uploads/upload_0001",
	mediaType: "application/pdf",
	size: 3,
};
const image = { type: "image", url: "/v1/uploads/upload_0002", mediaType: "image/png" };

describe("file and image part names", () => {
	it("carry `name`", () => {
		const parsed = v.parse(timelineItemSchema, {
			...item,
			parts: [
				{ ...file, name: "invoice.pdf" },
				{ ...image, name: "shot.png" },
			],
		});
		expect(parsed.parts).toEqual([
			{ ...file, name: "invoice.pdf" },
			{ ...image, name: "shot.png" },
		]);
	});

	it("read a part stored with `fileName` as `name`, without the old key", () => {
		const parsed = v.parse(timelineItemSchema, {
			...item,
			parts: [
				{ ...file, fileName: "invoice.pdf" },
				{ ...image, fileName: "shot.png" },
				{ type: "text", text: "hi" },
			],
		});
		expect(parsed.parts).toEqual([
			{ ...file, name: "invoice.pdf" },
			{ ...image, name: "shot.png" },
			{ type: "text", text: "hi" },
		]);
		expect(v.parse(messagePartSchema, { ...file, fileName: "old-client.pdf" })).toEqual({
			...file,
			name: "old-client.pdf",
		});
	});

	it("refuse a file part with no name at all", () => {
		expect(v.safeParse(messagePartSchema, file).success).toBe(false);
	});
});
