import { sniffOfficeZip } from "./office-zip.ts";

/**
 * What the bytes of a file are, decided from their content alone:
 * - a binary type of the allowlist (`image/png`, `application/pdf`, a docx, …);
 * - `text` for valid UTF-8 without NUL bytes and without markup a browser or a mail client
 *   would render (HTML, SVG, XML): whether it is `text/plain` or `text/csv` is then the name's
 *   and the declared type's choice, since bytes cannot tell a CSV from a text file;
 * - `null` for anything else (executables, archives, HTML, SVG, unknown formats).
 */
export type SniffedType =
	| "image/png"
	| "image/jpeg"
	| "image/gif"
	| "image/webp"
	| "application/pdf"
	| "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	| "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	| "text";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87A = ascii("GIF87a");
const GIF89A = ascii("GIF89a");
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const PDF = ascii("%PDF-");
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * Markup that turns a "text" file into a document something would execute or render when it
 * ignores the declared type (the HTML patterns of the WHATWG MIME sniffing standard, plus XML and
 * SVG). Refused even though it is valid UTF-8: it is what an attacker renames to `.txt`, and no
 * support conversation needs raw HTML or SVG as a text attachment.
 */
const ACTIVE_MARKUP =
	/^<(?:!--|\?xml|(?:!doctype\s+html|html|head|body|script|iframe|object|embed|svg|h1|div|font|table|a|style|title|b|br|p)(?=[\s>/]|$))/i;

/** The type of `bytes` by magic numbers (see {@link SniffedType}); `null` when not allowed. */
export function sniffMediaType(bytes: Uint8Array): SniffedType | null {
	if (startsWith(bytes, PNG)) return "image/png";
	if (startsWith(bytes, JPEG)) return "image/jpeg";
	if (startsWith(bytes, GIF87A) || startsWith(bytes, GIF89A)) return "image/gif";
	if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return "image/webp";
	if (startsWith(bytes, PDF)) return "application/pdf";
	if (startsWith(bytes, ZIP)) return sniffOfficeZip(bytes);
	return isPlainText(bytes) ? "text" : null;
}

/** Valid UTF-8, no NUL byte, and no leading HTML / SVG / XML markup. */
function isPlainText(bytes: Uint8Array): boolean {
	if (bytes.includes(0)) return false;
	let text: string;
	try {
		text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return false;
	}
	return !ACTIVE_MARKUP.test(text.trimStart());
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
	if (bytes.length < offset + prefix.length) return false;
	return prefix.every((byte, i) => bytes[offset + i] === byte);
}

function ascii(text: string): number[] {
	return [...text].map((char) => char.charCodeAt(0));
}
