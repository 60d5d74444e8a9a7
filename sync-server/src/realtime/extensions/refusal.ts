import { CloseCodes } from "@cossistant/types";
import { ApiError } from "../../errors/api-error.ts";
import { isRetryableDatabaseError } from "../../errors/retryable-errors.ts";
import type { Logger } from "../../logger.ts";
import { DocumentAccessDenied } from "../document-access.ts";

/** Closes the whole socket of `request` (a bad token is wrong for every document on it). */
export type CloseSocket = (request: Request, code: number, reason: string) => void;

/**
 * Turns an authentication or authorization failure into what Hocuspocus sends the client.
 *
 * Hocuspocus prints the message of every error a hook throws with console.error, ignoring
 * `quiet` and LOG_LEVEL, so any client could flood stderr with refused documents. Refusals are
 * logged here instead and rethrown without a message: Hocuspocus then stays silent and still
 * sends `reason` (a stable code) to the provider's onAuthenticationFailed.
 */
export function documentRefusal(
	error: unknown,
	where: { documentName: string; request: Request },
	logger: Logger,
	closeSocket: CloseSocket,
): Error & { reason: string } {
	const { documentName, request } = where;
	let reason: string;
	if (error instanceof DocumentAccessDenied) reason = error.reason;
	else if (error instanceof ApiError) reason = error.code;
	else {
		// An unreachable database is expected to pass (warn, as the pipeline does); anything
		// else is a bug worth an error.
		if (isRetryableDatabaseError(error)) {
			logger.warn({ err: error, documentName }, "document authorization unavailable");
		} else {
			logger.error({ err: error, documentName }, "document authorization failed");
		}
		reason = "internal_error";
		// Access could not be decided (e.g. the database is unreachable). A provider refused
		// once never asks again on this socket, so its document (an outbox too) would stay
		// dead: close the socket instead; the client reconnects and every document is retried.
		closeSocket(request, CloseCodes.TryAgainLater, "unavailable");
	}
	logger.debug({ documentName, reason }, "document refused");
	return Object.assign(new Error(), { reason });
}
