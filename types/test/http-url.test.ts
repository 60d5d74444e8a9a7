import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { httpUrlSchema } from "../src/http-url.ts";

// httpUrlSchema accepts exactly what zod's `url({ protocol: /^https?$/ })` accepted, and outputs
// the same value: each case below is that schema's verdict (followed by `maxLength(40)`, to pin
// that the length is checked on the output, after tabs and newlines are removed). `false`: refused.
const ours = v.pipe(httpUrlSchema, v.maxLength(40));

const CASES: Array<[input: unknown, output: string | false]> = [
	["https://a.com/x.png", "https://a.com/x.png"],
	["http://a.com", "http://a.com"],
	["HTTP://A.COM/Path", "HTTP://A.COM/Path"],
	[" https://a.com/x.png ", "https://a.com/x.png"],
	["\thttps://a.com\n", "https://a.com"],
	["\u00a0https://a.com\u00a0", "https://a.com"],
	["https://exa\nmple.com", "https://example.com"],
	["https://a.com/x\ty\r.png", "https://a.com/xy.png"],
	["ht\ttps://a.com", false],
	["http:a.com", false],
	["https:/a.com", false],
	["//a.com", false],
	["/relative/path.png", false],
	["ftp://a.com", false],
	["javascript:alert(1)", false],
	["data:image/png;base64,xx", false],
	["https://", false],
	["https://a b.com", false],
	["https://%zz", false],
	["https://a.com/%zz", "https://a.com/%zz"],
	["https://[::1]/", "https://[::1]/"],
	["https://a.com:99999/", false],
	["https://user:pw@a.com/", "https://user:pw@a.com/"],
	[`https://a.com/${"x".repeat(26)}`, `https://a.com/${"x".repeat(26)}`],
	[`https://a.com/${"x".repeat(27)}`, false],
	[`https://a.com/${"x".repeat(25)}\n\n\n`, `https://a.com/${"x".repeat(25)}`],
	["", false],
	[5, false],
	[null, false],
	[undefined, false],
];

describe("httpUrlSchema", () => {
	it.each(CASES.map(([input, output]) => [JSON.stringify(input) ?? "undefined", input, output]))(
		"gives zod's url({ protocol: /^https?$/ }) verdict on %s",
		(_label, input, output) => {
			const result = v.safeParse(ours, input);
			expect(result.success ? result.output : false).toBe(output);
		},
	);
});
