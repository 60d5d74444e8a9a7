import { UPLOAD_MEDIA_TYPES } from "@cossistant/types";

/** What the headers of a served upload depend on (its row). */
export interface ServedUpload {
	id: string;
	mimeType: string;
	fileName: string;
	size: number;
}

/**
 * Headers of `GET /v1/uploads/:id`. An upload is untrusted content served from the API's own
 * origin, so every layer says "this is inert data":
 * - `Content-Type` is the type sniffed at upload (never what the client declared), and
 *   `nosniff` forbids the browser from guessing another one;
 * - `Content-Security-Policy: default-src 'none'; sandbox` makes even a file opened directly
 *   run no script, load nothing and get an opaque origin (no cookies, no storage);
 * - only images are `inline`; everything else is an `attachment`, so a PDF or text file is
 *   downloaded rather than rendered in the API's origin;
 * - `Cross-Origin-Resource-Policy: cross-origin` because the widget shows images on the host
 *   site's pages, which may enforce COEP;
 * - the bytes behind an id never change, so caches may keep them for a year (`immutable`), but
 *   only private caches: the id is a capability and must not end up in shared proxies.
 */
export function uploadHeaders(upload: ServedUpload): Record<string, string> {
	const known = UPLOAD_MEDIA_TYPES[upload.mimeType as keyof typeof UPLOAD_MEDIA_TYPES];
	const inline = known?.kind === "image";
	const contentType = upload.mimeType.startsWith("text/")
		? `${upload.mimeType}; charset=utf-8`
		: upload.mimeType;
	return {
		"Content-Type": contentType,
		"Content-Length": String(upload.size),
		"X-Content-Type-Options": "nosniff",
		"Content-Security-Policy": "default-src 'none'; sandbox",
		"Content-Disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeRfc5987(upload.fileName)}`,
		"Cache-Control": "private, max-age=31536000, immutable",
		"Cross-Origin-Resource-Policy": "cross-origin",
		"Referrer-Policy": "no-referrer",
		ETag: `"${upload.id}"`,
	};
}

/** A value for `filename*=UTF-8''…` (RFC 8187): percent-encoded UTF-8, `'()*` included. */
function encodeRfc5987(value: string): string {
	return encodeURIComponent(value).replace(
		/['()*]/g,
		(char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
	);
}
