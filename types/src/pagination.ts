import * as v from "valibot";

/**
 * A page size from a query string: an integer 1..100, `fallback` when absent. Free of side
 * effects (see `refusingArrays`).
 */
/* @__NO_SIDE_EFFECTS__ */
export function pageLimitSchema(fallback: number) {
	return v.optional(
		v.pipe(
			v.unknown(),
			v.transform(toNumber),
			v.number(),
			v.safeInteger(),
			v.minValue(1),
			v.maxValue(100),
		),
		fallback,
	);
}
/** An opaque pagination cursor from a query string. */
export const pageCursorSchema = v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(512)));

/** `Number(value)`; a value that cannot be converted (a symbol) is left for `v.number()` to refuse. */
function toNumber(value: unknown): unknown {
	try {
		return Number(value);
	} catch {
		return value;
	}
}
