import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { httpUrlSchema } from "../src/http-url.ts";

// httpUrlSchema replaces `z.url({ protocol: /^https?$/ })` in the shared identify() schema: it
// must accept exactly what zod's URL schema accepts, and output the same value.
const zodUrl = z.url({ protocol: /^https?$/ }).check(z.maxLength(40));
const ours = httpUrlSchema.check(z.maxLength(40));

const INPUTS: unknown[] = [
	"https://a.com/x.png",
	"http://a.com",
	"HTTP://A.COM/Path",
	" https://a.com/x.png ",
	"\thttps://a.com\n",
	"\u00a0https://a.com\u00a0",
	"https://exa\nmple.com",
	"https://a.com/x\ty\r.png",
	"ht\ttps://a.com",
	"http:a.com",
	"https:/a.com",
	"//a.com",
	"/relative/path.png",
	"ftp://a.com",
	"javascript:alert(1)",
	"data:image/png;base64,xx",
	"https://",
	"https://a b.com",
	"https://%zz",
	"https://a.com/%zz",
	"https://[::1]/",
	"https://a.com:99999/",
	"https://user:pw@a.com/",
	`https://a.com/${"x".repeat(26)}`,
	`https://a.com/${"x".repeat(25)}\n\n\n`,
	"",
	5,
	null,
	undefined,
];

describe("httpUrlSchema", () => {
	it.each(INPUTS.map((input) => [JSON.stringify(input) ?? "undefined", input]))(
		"agrees with z.url({ protocol: /^https?$/ }) on %s",
		(_label, input) => {
			const expected = zodUrl.safeParse(input);
			const actual = ours.safeParse(input);
			expect(actual.success).toBe(expected.success);
			if (expected.success && actual.success) expect(actual.data).toBe(expected.data);
		},
	);
});
