import type { ApiErrorCode } from "@cossistant/types";

/** The client cannot start: a missing or malformed key, or inconsistent options. */
export class CossistantConfigurationError extends Error {
	override name = "CossistantConfigurationError";
}

/** A REST call answered with the server's JSON error (or could not reach it: `network_error`). */
export class CossistantApiError extends Error {
	override name = "CossistantApiError";

	constructor(
		readonly status: number,
		readonly code: ApiErrorCode | "network_error" | "invalid_response",
		message: string,
		readonly details?: unknown,
	) {
		super(message);
	}
}
