import { ApiError } from "../errors/api-error.ts";

/** Longest stored file name, in characters (the message part schema's cap). */
const MAX_FILE_NAME = 255;

/**
 * Characters never kept in a file name: control characters (C0, DEL, C1) and bidirectional
 * controls (embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, the marks U+200E,
 * U+200F and U+061C), which can make `invoice‮fdp.exe` display as `invoiceexe.pdf`.
 */
const UNSAFE_CHARACTERS =
	// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
	/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The original name of an upload from its URL-encoded `X-File-Name` header, made safe to store,
 * display and offer as a download name: only the last path segment, no control or bidi
 * characters, no leading dots (hidden files), no trailing dots or spaces (Windows drops them),
 * at most 255 characters with the extension kept. `null` when absent or nothing is left.
 */
export function parseFileName(header: string | undefined): string | null {
	if (header === undefined || header === "") return null;
	let decoded: string;
	try {
		decoded = decodeURIComponent(header);
	} catch {
		throw new ApiError(400, "bad_request", "X-File-Name must be URL-encoded (encodeURIComponent).");
	}
	const base = decoded.split(/[/\\]/).at(-1) ?? "";
	const cleaned = base
		.normalize("NFC")
		.replace(UNSAFE_CHARACTERS, "")
		.replace(/^[\s.]+/, "")
		.replace(/[\s.]+$/, "");
	if (!cleaned) return null;
	return truncate(cleaned);
}

/** The lower-cased extension of `fileName` without the dot, or `null` when it has none. */
export function extensionOf(fileName: string | null): string | null {
	if (!fileName) return null;
	const dot = fileName.lastIndexOf(".");
	if (dot <= 0 || dot === fileName.length - 1) return null;
	return fileName.slice(dot + 1).toLowerCase();
}

/** `fileName` with `.ext` appended when it has no extension (downloads then open correctly). */
export function withExtension(fileName: string | null, fallbackBase: string, ext: string): string {
	if (!fileName) return `${fallbackBase}.${ext}`;
	return extensionOf(fileName) ? fileName : truncate(`${fileName}.${ext}`);
}

/**
 * Cuts a name to the cap (in UTF-16 units, as the part schema counts) by shortening the part
 * before the extension, never splitting a surrogate pair.
 */
function truncate(name: string): string {
	if (name.length <= MAX_FILE_NAME) return name;
	const ext = extensionOf(name);
	const suffix = ext && ext.length < 16 ? `.${ext}` : "";
	let head = name.slice(0, MAX_FILE_NAME - suffix.length);
	if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
	return head + suffix;
}
