/** A run of message text starting at `start`: plain, or a link that is safe to render. */
export type TextSegment =
	| { type: "text"; start: number; text: string }
	| { type: "link"; start: number; text: string; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that usually ends a sentence rather than a URL. */
const TRAILING = /[.,;:!?)\]}]+$/;

/**
 * Splits message text into plain runs and links. Only `http(s)` URLs become links (never
 * `javascript:` or `data:`); everything else stays text that React escapes when rendering.
 *
 * @example
 * splitLinks("See https://example.com.") // [{text:"See "}, {link:"https://example.com"}, {text:"."}]
 */
export function splitLinks(text: string): TextSegment[] {
	const segments: TextSegment[] = [];
	let last = 0;
	for (const match of text.matchAll(URL_PATTERN)) {
		const start = match.index ?? 0;
		const raw = match[0];
		const trailing = raw.match(TRAILING)?.[0] ?? "";
		const candidate = raw.slice(0, raw.length - trailing.length);
		const href = safeHref(candidate);
		if (!href) continue;
		if (start > last) segments.push({ type: "text", start: last, text: text.slice(last, start) });
		segments.push({ type: "link", start, text: candidate, href });
		last = start + candidate.length;
	}
	if (last < text.length) segments.push({ type: "text", start: last, text: text.slice(last) });
	return segments;
}

/** The normalised URL when it parses as http(s), else null. */
export function safeHref(value: string): string | null {
	try {
		const url = new URL(value);
		return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
	} catch {
		return null;
	}
}
