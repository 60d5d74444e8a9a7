import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { installShortStringDecoding } from "../../src/sync/string-decoding.ts";

installShortStringDecoding();

/** Encodes `values` as Yjs encodes JSON content, then reads them with lib0 and with Yjs. */
function readBoth(values: unknown[]): { lib0: unknown[]; yjs: unknown[] } {
	const encoder = encoding.createEncoder();
	for (const value of values) encoding.writeAny(encoder, value as never);
	const bytes = encoding.toUint8Array(encoder);
	const viaLib0 = decoding.createDecoder(bytes);
	const viaYjs = new Y.UpdateDecoderV1(decoding.createDecoder(bytes));
	const lib0 = values.map(() => decoding.readAny(viaLib0));
	const yjs = values.map(() => viaYjs.readAny());
	expect(viaYjs.restDecoder.pos).toBe(bytes.length);
	return { lib0, yjs };
}

describe("installShortStringDecoding", () => {
	it("replaces Yjs's readAny", () => {
		expect(Y.UpdateDecoderV1.prototype.readAny.toString()).toContain("readAnyValue");
	});

	it("reads strings as lib0 does: ASCII, non-ASCII, long, empty, repeated", () => {
		const strings = [
			"",
			"id",
			"conversationId",
			"id",
			"héllo",
			"👋 hi",
			"x".repeat(64),
			"y".repeat(65),
			"a\u0000b",
			"\u007f",
			"\u0080",
			"\ufeffbom",
			"id",
		];
		const { lib0, yjs } = readBoth(strings);
		expect(yjs).toEqual(strings);
		expect(lib0).toEqual(strings);
	});

	it("never returns a reused string for other bytes (same length, many distinct values)", () => {
		const strings: string[] = [];
		for (let i = 0; i < 20_000; i++) strings.push(`k${(i * 7919) % 100_000}`.padEnd(8, "z"));
		for (let i = 0; i < 20_000; i++)
			strings.push(String.fromCharCode(97 + (i % 26), 97 + (i % 23)));
		expect(readBoth(strings).yjs).toEqual(strings);
	});

	it("reads every kind of JSON value as lib0's readAny does", () => {
		const values: unknown[] = [
			{ id: "a", n: 1, f: 1.5, big: 2n ** 40n, yes: true, no: false, none: null, gone: undefined },
			["id", "id", "héllo", "x".repeat(200), "", [], {}, new Uint8Array([1, 2, 255])],
			{ nested: { deeper: [{ text: "✓ done" }, -7, 2 ** 53] } },
			JSON.parse('{"__proto__": {"polluted": true}, "constructor": "c"}'),
			"plain",
			42,
		];
		const { lib0, yjs } = readBoth(values);
		expect(yjs).toEqual(lib0);
		// Cut inside a key: both fail alike.
		const encoder = encoding.createEncoder();
		encoding.writeAny(encoder, { id: "a" });
		const cut = encoding.toUint8Array(encoder).slice(0, 4);
		expect(() => new Y.UpdateDecoderV1(decoding.createDecoder(cut)).readAny()).toThrow();
		expect(() => decoding.readAny(decoding.createDecoder(cut))).toThrow();
	});

	it("loads a Yjs document of JSON items unchanged", () => {
		const doc = new Y.Doc();
		const items = Array.from({ length: 200 }, (_, i) => ({
			id: `item-${i}`,
			type: i % 2 ? "message" : "event",
			parts: [{ type: "text", text: i % 3 ? `message ${i}` : `message ${i} ✓` }],
			createdAt: new Date(1_700_000_000_000 + i).toISOString(),
		}));
		doc.getArray("timeline").push(items);
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
		expect(copy.getArray("timeline").toJSON()).toEqual(items);
	});
});
