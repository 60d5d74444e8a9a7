import * as v from "valibot";

/**
 * An absolute http(s) URL, accepted and output exactly as zod's `url({ protocol: /^https?$/ })`
 * did (trimmed; `http://` or `https://` first, case-insensitive; parsed by the URL parser; then
 * ASCII tabs and newlines removed, as the parser itself ignores them). Written as its own check
 * because valibot's `v.url()` neither trims nor restricts the protocol, and the widget validates
 * `identify()` parameters with the same schema as the server (types/test/http-url.test.ts pins
 * the verdicts and outputs). The server marks it as `format: uri` in its OpenAPI document (not
 * here: the metadata would ship in the widget).
 */
export const httpUrlSchema = v.pipe(
	v.string(),
	v.trim(),
	v.check((value) => /^https?:\/\//i.test(value) && parsesAsUrl(value), "Invalid URL"),
	v.transform((value) => value.replace(/[\t\n\r]/g, "")),
);

function parsesAsUrl(value: string): boolean {
	try {
		new URL(value);
		return true;
	} catch {
		return false;
	}
}
