/** Deepest nesting searched (bodies are capped at 256 KB; JSON this deep is refused anyway). */
const MAX_DEPTH = 64;

/**
 * Text PostgreSQL cannot store: U+0000, or a UTF-16 surrogate without its pair (and values
 * nested too deep to search, refused as well).
 */
export type UnstorableText = "nul" | "lone_surrogate" | "too_deep";

/** Why such text is refused, as the error message says it. */
export const UNSTORABLE_TEXT_MESSAGES: Record<UnstorableText, string> = {
	nul: "Text may not contain the NUL character (U+0000).",
	lone_surrogate: "Text must be well-formed Unicode (a UTF-16 surrogate without its pair).",
	too_deep: `Values may not nest deeper than ${MAX_DEPTH} levels.`,
};

/** A surrogate code point: with the `u` flag a well-formed pair is one code point, never this. */
const LONE_SURROGATE = /\p{Cs}/u;

function unstorableIn(text: string): UnstorableText | null {
	if (text.includes("\u0000")) return "nul";
	return LONE_SURROGATE.test(text) ? "lone_surrogate" : null;
}

/**
 * The first kind of text in `value` (keys included) that PostgreSQL cannot store, or null.
 * text and jsonb refuse U+0000, and json / jsonb refuse the `\ud800`-style escape of a lone
 * surrogate (text columns would silently store U+FFFD instead). Both reached the database as a
 * 500 (found by the fuzz suite: a conversation title with NUL, an organization's metadata with
 * a lone surrogate); every boundary refuses them up front instead.
 */
export function findUnstorableText(value: unknown, depth = 0): UnstorableText | null {
	if (typeof value === "string") return unstorableIn(value);
	if (value === null || typeof value !== "object") return null;
	if (depth >= MAX_DEPTH) return "too_deep";
	for (const [key, item] of Object.entries(value)) {
		const found = unstorableIn(key) ?? findUnstorableText(item, depth + 1);
		if (found) return found;
	}
	return null;
}
