import type { Random } from "./random.ts";

/** Keys that attack prototype chains, and object-method names used as data. */
export const HOSTILE_KEYS = [
	"__proto__",
	"constructor",
	"prototype",
	"toString",
	"valueOf",
	"hasOwnProperty",
	"__defineGetter__",
	"isAdmin",
	"then",
	"type",
	"id",
	"",
];

const HOSTILE_STRINGS = [
	"",
	" ",
	"null",
	"undefined",
	"NaN",
	"0",
	"-1",
	"true",
	"../../etc/passwd",
	"%00",
	"\u0000",
	"\ud800",
	"\udfff",
	"😀".repeat(40),
	"<script>alert(1)</script>",
	"javascript:alert(1)",
	"data:text/html,<b>x</b>",
	"' OR 1=1 --",
	"$(rm -rf /)",
	"\r\nSet-Cookie: a=b",
	"sk_test_xxxxxxxxxxxxxxxxxxxxxxxx",
	"pk_test_xxxxxxxxxxxxxxxxxxxxxxxx",
	"conv/x/private",
	"outbox/user:x",
	"1e309",
	"9".repeat(400),
	"\u202e\u2066RTL",
	"a".repeat(65),
];

const NUMBERS = [0, -0, 1, -1, 0.5, 1e308, -1e308, 2 ** 53 + 1, -(2 ** 31), 4_294_967_296, 1e-300];

/** Replaces lone surrogates (which cannot be percent-encoded or sent as UTF-8) with U+FFFD. */
export function wellFormed(text: string): string {
	return text.replace(
		/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
		"\ufffd",
	);
}

/** A random string: short words, hostile strings, unicode soup or (rarely) a huge one. */
export function randomString(random: Random, maxLength = 300): string {
	return random.weighted<() => string>([
		[4, () => random.pick(["open", "resolved", "high", "billing", "private", "public", "me"])],
		[4, () => random.pick(HOSTILE_STRINGS)],
		[
			3,
			() =>
				String.fromCodePoint(
					...Array.from({ length: random.int(1, 40) }, () => random.int(0x20, 0x2fff)),
				),
		],
		[2, () => "x".repeat(random.int(0, maxLength))],
		[
			1,
			() =>
				String.fromCharCode(
					...Array.from({ length: random.int(1, 20) }, () => random.int(0, 0xffff)),
				),
		],
	])();
}

/** A random JSON value, nested up to `depth`. */
export function randomJson(random: Random, depth = 3): unknown {
	const leaf = (): unknown =>
		random.weighted<() => unknown>([
			[3, () => randomString(random)],
			[2, () => random.pick(NUMBERS)],
			[1, () => random.chance(0.5)],
			[1, () => null],
		])();
	if (depth <= 0) return leaf();
	return random.weighted<() => unknown>([
		[3, leaf],
		[2, () => Array.from({ length: random.int(0, 5) }, () => randomJson(random, depth - 1))],
		[4, () => randomObject(random, depth - 1)],
	])();
}

/** A random object whose keys include hostile ones now and then. */
export function randomObject(random: Random, depth = 2): Record<string, unknown> {
	const object: Record<string, unknown> = {};
	for (let i = random.int(0, 6); i > 0; i -= 1) {
		const key = random.chance(0.3) ? random.pick(HOSTILE_KEYS) : randomString(random, 20);
		// defineProperty: a "__proto__" key becomes an own property, as JSON.parse would make it.
		Object.defineProperty(object, key, {
			value: randomJson(random, depth),
			enumerable: true,
			configurable: true,
			writable: true,
		});
	}
	return object;
}

/** Mutates a valid body: drop, retype, inflate or add fields, or swap in hostile values. */
export function mutate(random: Random, value: unknown, depth = 0): unknown {
	if (value === null || typeof value !== "object" || depth > 4) {
		return random.chance(0.5) ? randomJson(random, 1) : value;
	}
	if (Array.isArray(value)) {
		const copy = value.map((item) => (random.chance(0.3) ? mutate(random, item, depth + 1) : item));
		if (random.chance(0.2)) copy.push(randomJson(random, 1));
		if (random.chance(0.1)) return Array.from({ length: random.int(50, 200) }, () => copy[0] ?? 1);
		return copy;
	}
	const copy: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(value)) {
		const roll = random.next();
		if (roll < 0.1) continue; // dropped
		Object.defineProperty(copy, key, {
			value: roll < 0.45 ? mutate(random, field, depth + 1) : field,
			enumerable: true,
			configurable: true,
			writable: true,
		});
	}
	if (random.chance(0.25)) {
		Object.defineProperty(copy, random.pick(HOSTILE_KEYS), {
			value: random.chance(0.5) ? { polluted: true, isAdmin: true } : randomJson(random, 1),
			enumerable: true,
			configurable: true,
			writable: true,
		});
	}
	return copy;
}

/** A body as bytes on the wire: usually JSON, sometimes broken, huge or mislabelled. */
export interface WireBody {
	text: string | undefined;
	contentType: string | undefined;
}

/** Serialises `value` as JSON, or produces one of the malformed bodies a hostile client sends. */
export function wireBody(random: Random, value: unknown): WireBody {
	const json = JSON.stringify(value) ?? "null";
	return random.weighted<() => WireBody>([
		[20, () => ({ text: json, contentType: "application/json" })],
		[
			1,
			() => ({ text: json.slice(0, random.int(0, json.length)), contentType: "application/json" }),
		],
		[1, () => ({ text: `${json}${json}`, contentType: "application/json" })],
		[1, () => ({ text: `\ufeff${json}`, contentType: "application/json" })],
		[1, () => ({ text: "[".repeat(random.int(1_000, 20_000)), contentType: "application/json" })],
		[
			1,
			() => ({ text: `${"[".repeat(3_000)}${"]".repeat(3_000)}`, contentType: "application/json" }),
		],
		[
			1,
			() => ({
				text: `{"a":"${"x".repeat(random.int(200_000, 400_000))}"}`,
				contentType: "application/json",
			}),
		],
		[1, () => ({ text: json, contentType: "text/plain" })],
		[1, () => ({ text: "a=1&b=2", contentType: "application/x-www-form-urlencoded" })],
		[1, () => ({ text: json, contentType: "application/json; charset=utf-16" })],
		[1, () => ({ text: undefined, contentType: undefined })],
		[1, () => ({ text: "", contentType: "application/json" })],
		[
			1,
			() => ({
				text: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
				contentType: "application/json",
			}),
		],
	])();
}
