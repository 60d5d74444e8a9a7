import { isNetworkError } from "./team-request.ts";

/**
 * Sentences for the API's stable error codes whose server message is written for developers or
 * says nothing useful to an agent. Other codes (`validation_failed`, `conflict`, `not_found`, …)
 * carry a specific message from the server ("A website keeps at least one admin."), kept as is.
 */
const CODE_MESSAGES: Readonly<Record<string, string>> = {
	network_error: "You are offline or the server cannot be reached. Try again.",
	unauthorized: "Your session has ended. Sign in again.",
	session_expired: "Your session has ended. Sign in again.",
	forbidden: "Your role on this website does not allow this.",
	invalid_credentials: "Wrong email or password.",
	rate_limited: "Too many attempts. Wait a few minutes and try again.",
	payload_too_large: "That is too large for the server.",
	internal_error: "The server could not do this. Try again in a moment.",
	unavailable: "The server is busy or restarting. Try again in a moment.",
};

/** The parts of an API error (`TeamRequestError`, core's `CossistantApiError`) read here. */
interface CodedError {
	code: string;
	message: string;
	details?: unknown;
}

function isCoded(error: unknown): error is CodedError {
	return (
		error instanceof Error &&
		typeof (error as Partial<CodedError>).code === "string" &&
		typeof error.message === "string"
	);
}

/**
 * A readable sentence for any error a REST call may throw, chosen by the API's stable error
 * code (never by parsing its message); validation failures list their fields.
 */
export function errorMessage(error: unknown): string {
	if (isNetworkError(error)) return CODE_MESSAGES.network_error as string;
	if (isCoded(error)) {
		const known = CODE_MESSAGES[error.code];
		if (known) return known;
		const fields = fieldMessages(error.details);
		return fields.length > 0 ? `${error.message} (${fields.join("; ")})` : error.message;
	}
	if (error instanceof Error) return error.message;
	return "Something went wrong.";
}

/** `path: message` lines of a `validation_failed` error's details. */
function fieldMessages(details: unknown): string[] {
	if (!Array.isArray(details)) return [];
	return details.flatMap((entry) => {
		if (typeof entry !== "object" || entry === null) return [];
		const { path, message } = entry as { path?: unknown; message?: unknown };
		if (typeof message !== "string") return [];
		return [typeof path === "string" && path !== "" ? `${path}: ${message}` : message];
	});
}
