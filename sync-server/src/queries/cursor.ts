import * as v from "valibot";
import { ApiError } from "../errors/api-error.ts";

/**
 * Opaque pagination cursors: base64url JSON of a position (never of a scope or a filter, which
 * every page re-applies, so a cursor cannot widen what a caller sees). Clients pass them back
 * verbatim; anything that does not decode to the expected position is a 400.
 */
export function encodeCursor(position: unknown): string {
	return Buffer.from(JSON.stringify(position), "utf8").toString("base64url");
}

/** Decodes a cursor made by {@link encodeCursor} against `schema`; a 400 for anything else. */
export function decodeCursor<T>(cursor: string, schema: v.GenericSchema<unknown, T>): T {
	let json: unknown;
	try {
		json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
	} catch {
		json = undefined;
	}
	const parsed = v.safeParse(schema, json);
	if (!parsed.success) throw invalidCursor();
	return parsed.output;
}

/** The 400 of a cursor this API did not make (or made for another query). */
export function invalidCursor(): ApiError {
	return new ApiError(400, "validation_failed", "The cursor is invalid.", [
		{ path: "cursor", message: "pass back a nextCursor this API returned, with the same query" },
	]);
}
