import * as decoding from "lib0/decoding";
import { utf8TextDecoder } from "lib0/string";
import { UpdateDecoderV1 } from "yjs";

/** Only strings this short are decoded here: keys, ids, dates, enum values. */
const SHORT_STRING_BYTES = 64;
/** Slots of the table of recently decoded strings (a power of two). */
const RECENT_SLOTS = 4096;
/** lib0's `readAny` type bytes this file reads itself; it hands every other type to lib0. */
const ANY_STRING = 119;
const ANY_OBJECT = 118;
const ANY_ARRAY = 117;

const recent: Array<string | undefined> = new Array(RECENT_SLOTS);
let installed = false;

/**
 * Makes Yjs decode short ASCII strings without a `TextDecoder` call, reusing recent equal
 * strings. lib0 (Yjs's encoding) decodes each string of an update with a `Uint8Array` view and
 * one `decode` call on its shared `utf8TextDecoder`; timeline items are `ContentAny` objects of
 * ~22 short strings each, most of them the same keys and values in every item, so loading a
 * 10 000-item cached copy made ~220 000 views and calls (~80 ms in Chromium, mostly their fixed
 * cost) and as many new strings to collect. Two places change:
 * - `UpdateDecoderV1#readAny` (how Yjs reads `ContentAny`, i.e. JSON values) reads strings,
 *   objects and arrays straight from the update's bytes, exactly as lib0's `readAny` does
 *   otherwise; any other value, and any string not short ASCII, is read by lib0 itself.
 * - lib0's `utf8TextDecoder.decode` (every other string: keys of maps, type names, …) takes the
 *   same shortcut for short ASCII input.
 *
 * The result is identical: bytes below 0x80 are each a whole UTF-8 character (no BOM, nothing to
 * reject), so the string built from them is what `decode` returns, and a reused string is
 * compared character by character first. Anything else (other bytes, longer input, input past
 * the end, options such as `stream`) takes lib0's own path; lib0 never streams with that decoder.
 * Idempotent; where lib0 has no `TextDecoder` it decodes in JavaScript itself and only the
 * `readAny` shortcut applies.
 */
export function installShortStringDecoding(): void {
	if (installed) return;
	installed = true;
	UpdateDecoderV1.prototype.readAny = function readAny(this: UpdateDecoderV1) {
		return readAnyValue(this.restDecoder);
	};
	const decoder = utf8TextDecoder;
	if (!decoder) return;
	const decode = decoder.decode.bind(decoder);
	decoder.decode = (input, options) => {
		if (options !== undefined || !(input instanceof Uint8Array)) return decode(input, options);
		return shortAscii(input, 0, input.length) ?? decode(input);
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
	if (length === 0) return "";
	if (length > SHORT_STRING_BYTES) return undefined;
	const end = offset + length;
	const slot = slotOf(bytes, offset, length);
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

/**
 * A slot from the length and four bytes: keys and values differ in length or ends, ids and
 * timestamps in their last bytes. A collision only costs a fresh string, never a wrong one.
 */
function slotOf(bytes: Uint8Array, offset: number, length: number): number {
	const last = offset + length - 1;
	let hash = Math.imul(length ^ (bytes[offset] as number), 0x01000193);
	hash = Math.imul(hash ^ (bytes[offset + (length >> 1)] as number), 0x01000193);
	hash = Math.imul(hash ^ (bytes[length > 1 ? last - 1 : last] as number), 0x01000193);
	hash = Math.imul(hash ^ (bytes[last] as number), 0x01000193);
	return (hash ^ (hash >>> 15)) & (RECENT_SLOTS - 1);
}
