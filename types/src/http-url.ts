import * as z from "zod/mini";

/**
 * An absolute http(s) URL, accepted and output exactly as `z.url({ protocol: /^https?$/ })`
 * does (trimmed; `http://` or `https://` first, case-insensitive; parsed by the URL parser; then
 * ASCII tabs and newlines removed, as the parser itself ignores them). Written with a refine
 * because zod's URL schema costs ~0.4 KB gzipped of the widget, which validates `identify()`
 * parameters with the same schema as the server (types/test/http-url.test.ts checks that both
 * agree). The server registers it as `format: uri` for its OpenAPI document (not here: the
 * registry would ship in the widget).
 */
export const httpUrlSchema = z.string().check(
	z.overwrite((value) => value.trim()),
	z.refine((value) => /^https?:\/\//i.test(value) && parsesAsUrl(value), {
		message: "Invalid URL",
	}),
	z.overwrite((value) => value.replace(/[\t\n\r]/g, "")),
);

function parsesAsUrl(value: string): boolean {
	try {
		new URL(value);
		return true;
	} catch {
		return false;
	}
}
