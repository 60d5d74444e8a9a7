import type { ErrorRequestHandler, RequestHandler } from "express";
import * as v from "valibot";
import { ApiError } from "../errors/api-error.ts";
import { validationDetails } from "../errors/validation-issues.ts";
import type { Logger } from "../logger.ts";

/** 404 for every unmatched route, in the one JSON error shape. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
	next(new ApiError(404, "not_found", `No route for ${req.method} ${req.path}.`));
};

/** Renders any error as `{ error: { code, message, details? } }`; never leaks internals. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
	return (error, _req, res, _next) => {
		const apiError = toApiError(error);
		if (apiError.status >= 500) logger.error({ err: error }, "request failed");
		res.status(apiError.status).json(apiError.toBody());
	};
}

function toApiError(error: unknown): ApiError {
	if (error instanceof ApiError) return error;
	if (error instanceof v.ValiError) {
		return new ApiError(
			400,
			"validation_failed",
			"The request is invalid.",
			validationDetails(error.issues),
		);
	}
	const { type, status } = (error ?? {}) as { type?: string; status?: number };
	if (type === "entity.parse.failed")
		return new ApiError(400, "bad_request", "The body is not valid JSON.");
	if (type === "entity.too.large")
		return new ApiError(413, "payload_too_large", "The body is too large.");
	if (typeof status === "number" && status >= 400 && status < 500) {
		return new ApiError(status, "bad_request", "The request could not be read.");
	}
	return new ApiError(500, "internal_error", "Something went wrong on our side.");
}
