import type { RequestHandler } from "express";
import { ApiError } from "./api-error.ts";

/** Deepest nesting searched (bodies are capped at 256 KB; JSON this deep is refused anyway). */
const MAX_DEPTH = 64;

/**
 * Whether any string in `value` (keys included) holds U+0000. PostgreSQL text and jsonb cannot
 * store it, so such a value reached the database as a 500 (found by the fuzz suite: a
 * conversation title with NUL); every boundary refuses it up front instead.
 */
export function hasNulCharacter(value: unknown, depth = 0): boolean {
	if (typeof value === "string") return value.includes("\u0000");
	if (value === null || typeof value !== "object") return false;
	if (depth >= MAX_DEPTH) return true;
	for (const [key, item] of Object.entries(value)) {
		if (key.includes("\u0000") || hasNulCharacter(item, depth + 1)) return true;
	}
	return false;
}

/** Express middleware (after the JSON parser): a body with U+0000 anywhere is a 400. */
export function refuseNulCharacters(): RequestHandler {
	return (req, _res, next) => {
		if (hasNulCharacter(req.body)) {
			next(
				new ApiError(400, "validation_failed", "Text may not contain the NUL character (U+0000)."),
			);
			return;
		}
		next();
	};
}
