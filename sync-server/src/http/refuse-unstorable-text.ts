import type { RequestHandler } from "express";
import { ApiError } from "../errors/api-error.ts";
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGES } from "../errors/unstorable-text.ts";

/** Express middleware (after the JSON parser): a body with unstorable text anywhere is a 400. */
export function refuseUnstorableText(): RequestHandler {
	return (req, _res, next) => {
		const found = findUnstorableText(req.body);
		if (found) {
			next(new ApiError(400, "validation_failed", UNSTORABLE_TEXT_MESSAGES[found]));
			return;
		}
		next();
	};
}
