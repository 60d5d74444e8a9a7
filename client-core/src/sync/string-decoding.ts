import * as decoding from "lib0/decoding";
import { UpdateDecoderV1 } from "yjs";

/** Only strings this short are decoded here: keys, ids, dates, enum values. */
const SHORT_STRING_BYTES = 64;
/** Slots of the table of recently decoded strings: 2 ** (32 - SLOT_SHIFT). */
const SLOT_SHIFT = 20;
/** lib0's `readAny` type bytes this file reads itself; it hands every other type to lib0. */
const ANY_STRING = 119;
const ANY_OBJECT = 118;
const ANY_ARRAY = 117;

// Marked pure so that a bundle in which nothing installs the decoding drops the table too.
const recent: Array<string | undefined> = /* @__PURE__ */ new Array(2 ** (32 - SLOT_SHIFT));
let installed = false;

/**
 * Makes Yjs read the short ASCII strings of JSON values (`ContentAny`: timeline items,
 * conversation summaries) in place, reusing recent equal strings. lib0's `readAny` decodes each
 * string with a new `Uint8Array` view and a `TextDecoder` call; a timeline item holds ~22 short
 * strings, most of them the same keys and values in every item, so loading a 10 000-item cached
 * copy made ~220 000 views and calls (~80 ms in Chromium, mostly their fixed cost) and as many
 * new strings to collect (measured after: ~32 ms).
 *
 * `UpdateDecoderV1#readAny` (the V1 update format: y-indexeddb's and the provider's) reads
 * strings, objects and arrays from the update's bytes exactly as lib0's `readAny` does; any
 * other value, and any string that is not short ASCII or not wholly there, is read by lib0
 * itself. The result is identical: bytes below 0x80 are each a whole UTF-8 character (no BOM,
 * nothing to reject), so the string built from them is what `TextDecoder` returns, and a reused
 * string is compared character by character first. Idempotent.
 *
 * Installed by what loads large documents: the agent client (an inbox, timelines of thousands of
 * items) and `preloadConversation` (a page opening a known, possibly long conversation). Not by
 * every connection: a pure speed-up, it would add its size to the widget, whose visitors' few
 * conversations decode quickly either way.
 */
export function installShortStringDecoding(): void {
	if (installed) return;
	installed = true;
	UpdateDecoderV1.prototype.readAny = function readAny(this: UpdateDecoderV1) {
		return readAnyValue(this.restDecoder);
	};
}

/** lib0's `decoding.readAny`, with strings read by `readString`. */
function readAnyValue(decoder: decoding.Decoder): unknown {
	const type = decoder.arr[decoder.pos];
	if (type === ANY_STRING) {
		decoder.pos++;
		return readString(decoder);
	}
	if (type === ANY_OBJECT) {
		decoder.pos++;
		const length = decoding.readVarUint(decoder);
		const object: Record<string, unknown> = {};
		for (let i = 0; i < length; i++) {
			const key = readString(decoder);
			object[key] = readAnyValue(decoder);
		}
		return object;
	}
	if (type === ANY_ARRAY) {
		decoder.pos++;
		const length = decoding.readVarUint(decoder);
		const array: unknown[] = [];
		for (let i = 0; i < length; i++) array.push(readAnyValue(decoder));
		return array;
	}
	return decoding.readAny(decoder);
}

/** lib0's `decoding.readVarString`, short ASCII strings read in place. */
function readString(decoder: decoding.Decoder): string {
	const start = decoder.pos;
	const length = decoding.readVarUint(decoder);
	const offset = decoder.pos;
	if (offset + length <= decoder.arr.length) {
		const text = shortAscii(decoder.arr, offset, length);
		if (text !== undefined) {
			decoder.pos = offset + length;
			return text;
		}
	}
	decoder.pos = start;
	return decoding.readVarString(decoder);
}

/** The string of `bytes[offset, offset + length)` if short and ASCII, else undefined. */
function shortAscii(bytes: Uint8Array, offset: number, length: number): string | undefined {
	if (length > SHORT_STRING_BYTES) return undefined;
	const end = offset + length;
	// From the length and three bytes: keys and values differ in length or ends, ids and
	// timestamps in their last bytes. A collision only costs a fresh string, never a wrong one.
	const slot =
		Math.imul(
			length ^
				((bytes[offset] as number) << 7) ^
				((bytes[end - 1] as number) << 14) ^
				((bytes[offset + (length >> 1)] as number) << 21),
			0x9e3779b1,
		) >>> SLOT_SHIFT;
	const known = recent[slot];
	// Equal to a string of ASCII characters: the bytes are that string's, nothing to check.
	if (known !== undefined && known.length === length) {
		let same = true;
		for (let i = 0; i < length && same; i++) same = known.charCodeAt(i) === bytes[offset + i];
		if (same) return known;
	}
	for (let i = offset; i < end; i++) {
		if ((bytes[i] as number) > 0x7f) return undefined;
	}
	// fromCharCode takes any array-like of char codes; a Uint8Array is one.
	const text = String.fromCharCode.apply(null, bytes.subarray(offset, end) as unknown as number[]);
	recent[slot] = text;
	return text;
}
