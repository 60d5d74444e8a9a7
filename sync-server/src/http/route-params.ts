import type { Request } from "express";
import { ApiError } from "../errors/api-error.ts";

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A path parameter that must look like one of our ids. Anything else cannot exist, so it is a
 * 404 without a database round trip (and never reaches a query as an oversized string).
 */
export function idParam(req: Request, name: string): string {
	const value = req.params[name];
	if (typeof value !== "string" || !ID_PATTERN.test(value)) {
		throw new ApiError(404, "not_found", `No such ${name}.`);
	}
	return value;
}
