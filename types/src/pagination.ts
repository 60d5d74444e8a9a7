import * as z from "zod/mini";

/** A page size from a query string: an integer 1..100, `fallback` when absent. */
export const pageLimitSchema = (fallback: number) =>
	z._default(z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(100))), fallback);
/** An opaque pagination cursor from a query string. */
export const pageCursorSchema = z.optional(z.string().check(z.minLength(1), z.maxLength(512)));
