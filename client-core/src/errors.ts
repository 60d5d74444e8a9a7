import type { ApiErrorCode } from "@cossistant/types";

/**
 * Stable codes of a CossistantConfigurationError. The first five are the widget's
 * "Configuration error" cases (docs: Troubleshooting): the client stops retrying and says what
 * to fix. `visitor_not_identified` refuses a call that needs `identify()` first;
 * `invalid_usage` is a call made out of order (e.g. before `fetchWebsite()`).
 */
export const CONFIGURATION_ERROR_CODES = [
	"missing_public_key",
	"invalid_api_key",
	"origin_not_allowed",
	"wrong_api_url",
	"visitor_not_identified",
	"invalid_usage",
] as const;

export type ConfigurationErrorCode = (typeof CONFIGURATION_ERROR_CODES)[number];

/**
 * The client cannot work as configured or called: a missing, malformed, unknown or revoked key,
 * a page origin the website does not allow, an `apiUrl` that is not a Cossistant API, or a call
 * made too early. `code` is stable; `message` says what to fix.
 */
export class CossistantConfigurationError extends Error {
	override name = "CossistantConfigurationError";

	constructor(
		message: string,
		readonly code: ConfigurationErrorCode = "invalid_usage",
	) {
		super(message);
	}
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
