import { utf8TextDecoder } from "lib0/string";

/** Only strings this short are decoded here: keys, ids, dates, enum values. */
const SHORT_STRING_BYTES = 64;
/** Slots of the table of recently decoded strings (a power of two). */
const RECENT_SLOTS = 4096;

let installed = false;

/**
 * Makes Yjs decode short ASCII strings without a `TextDecoder` call, reusing recent equal
 * strings. lib0 (Yjs's encoding) decodes every string of an update with one `decode` call on
 * its shared `utf8TextDecoder`; timeline items are `ContentAny` objects of ~25 short strings
 * each, most of them the same keys and values in every item, so loading a 10 000-item cached
 * copy made ~250 000 calls (~75 ms in Chromium, mostly the call's fixed cost) and as many new
 * strings to collect.
 *
 * The result is identical: bytes below 0x80 are each a whole UTF-8 character (no BOM, nothing to
 * reject), so the string built from them is what `decode` returns, and a reused string is
 * compared character by character first. Anything else (other bytes, longer input, options such
 * as `stream`) goes to the original `decode`; lib0 never streams with that decoder. Idempotent;
 * a no-op where lib0 has no decoder (it then decodes in JavaScript itself).
 */
export function installShortStringDecoding(): void {
	const decoder = utf8TextDecoder;
	if (installed || !decoder) return;
	installed = true;
	const decode = decoder.decode.bind(decoder);
	const recent: Array<string | undefined> = new Array(RECENT_SLOTS);
	decoder.decode = (input, options) => {
		if (options !== undefined || !(input instanceof Uint8Array)) return decode(input, options);
		const length = input.length;
		if (length > SHORT_STRING_BYTES) return decode(input);
		let hash = length;
		for (let i = 0; i < length; i++) {
			const byte = input[i] as number;
			if (byte > 0x7f) return decode(input);
			hash = (Math.imul(hash, 31) + byte) | 0;
		}
		const slot = hash & (RECENT_SLOTS - 1);
		const known = recent[slot];
		if (known !== undefined && sameAscii(known, input)) return known;
		// fromCharCode takes any array-like of char codes; a Uint8Array is one.
		const decoded = String.fromCharCode.apply(null, input as unknown as number[]);
		recent[slot] = decoded;
		return decoded;
	};
}

function sameAscii(text: string, bytes: Uint8Array): boolean {
	if (text.length !== bytes.length) return false;
	for (let i = 0; i < bytes.length; i++) {
		if (text.charCodeAt(i) !== bytes[i]) return false;
	}
	return true;
}
