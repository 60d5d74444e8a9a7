import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { utf8TextDecoder } from "lib0/string";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { installShortStringDecoding } from "../../src/sync/string-decoding.ts";

installShortStringDecoding();
const reference = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Encodes `strings` as lib0 does in a Yjs update, then decodes them back through lib0. */
function roundTrip(strings: string[]): string[] {
	const encoder = encoding.createEncoder();
	for (const text of strings) encoding.writeVarString(encoder, text);
	const decoder = decoding.createDecoder(encoding.toUint8Array(encoder));
	return strings.map(() => decoding.readVarString(decoder));
}

describe("installShortStringDecoding", () => {
	it("replaces the decode of lib0's own decoder and Yjs's readAny", () => {
		expect(Object.hasOwn(utf8TextDecoder as TextDecoder, "decode")).toBe(true);
		expect(Y.UpdateDecoderV1.prototype.readAny.name).toBe("readAny");
		expect(Y.UpdateDecoderV1.prototype.readAny.toString()).toContain("readAnyValue");
	});

	it("decodes what TextDecoder decodes: ASCII, non-ASCII, long, empty, repeated", () => {
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
		expect(roundTrip(strings)).toEqual(strings);
	});

	it("never returns a reused string for other bytes (same length, many distinct values)", () => {
		const strings: string[] = [];
		for (let i = 0; i < 20_000; i++) strings.push(`k${(i * 7919) % 100_000}`.padEnd(8, "z"));
		for (let i = 0; i < 20_000; i++)
			strings.push(String.fromCharCode(97 + (i % 26), 97 + (i % 23)));
		expect(roundTrip(strings)).toEqual(strings);
	});

	it("still rejects invalid UTF-8 and streams through the original decoder", () => {
		const decoder = utf8TextDecoder as TextDecoder;
		expect(() => decoder.decode(new Uint8Array([0xff]))).toThrow();
		expect(() => reference.decode(new Uint8Array([0xff]))).toThrow();
		const euro = new TextEncoder().encode("€");
		expect(decoder.decode(euro.subarray(0, 1), { stream: true })).toBe("");
		expect(decoder.decode(euro.subarray(1))).toBe("€");
	});

	it("reads JSON values (Yjs ContentAny) as lib0's readAny does", () => {
		const values: unknown[] = [
			{ id: "a", n: 1, f: 1.5, big: 2n ** 40n, yes: true, no: false, none: null, gone: undefined },
			["id", "id", "héllo", "x".repeat(200), "", [], {}, new Uint8Array([1, 2, 255])],
			{ nested: { deeper: [{ text: "✓ done" }, -7, 2 ** 53] } },
			JSON.parse('{"__proto__": {"polluted": true}, "constructor": "c"}'),
			"plain",
			42,
		];
		const encoder = encoding.createEncoder();
		for (const value of values) encoding.writeAny(encoder, value as never);
		const bytes = encoding.toUint8Array(encoder);
		const viaLib0 = decoding.createDecoder(bytes);
		const viaYjs = new Y.UpdateDecoderV1(decoding.createDecoder(bytes));
		for (const _ of values) expect(viaYjs.readAny()).toEqual(decoding.readAny(viaLib0));
		expect(viaYjs.restDecoder.pos).toBe(bytes.length);
		// Cut inside a key: both fail alike.
		const cut = bytes.slice(0, 4);
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
