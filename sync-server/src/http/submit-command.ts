import type { ApiErrorCode, CommandRejectionCode } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import type { Principal } from "../auth/principal.ts";
import { ApiError } from "../errors/api-error.ts";
import type { CommandSubmitter } from "../pipeline/command-rate-limit.ts";

/** HTTP status and REST error code of each command rejection code. */
const REJECTION_TO_HTTP: Record<CommandRejectionCode, [number, ApiErrorCode]> = {
	invalid_command: [400, "validation_failed"],
	unknown_command: [400, "bad_request"],
	command_too_large: [413, "payload_too_large"],
	forbidden: [403, "forbidden"],
	not_found: [404, "not_found"],
	conflict: [409, "conflict"],
	invalid_attachment: [400, "validation_failed"],
	visitor_blocked: [403, "visitor_blocked"],
	identity_verification_failed: [403, "identity_verification_failed"],
	outbox_full: [429, "rate_limited"],
	rate_limited: [429, "rate_limited"],
	internal_error: [500, "internal_error"],
};

/**
 * Submits a command on behalf of a REST request and waits until it is durable. The id is
 * generated here (UUIDv7): a REST call is one intent, so it is one command; a caller that has
 * a stable id for the intent (an `Idempotency-Key`) passes `commandId`, so a retry is applied
 * once. A rejection becomes an ApiError with the matching status and the command's reason; a
 * retryable internal error is a 503 `unavailable`.
 */
export async function submitCommand(
	pipeline: CommandSubmitter,
	principal: Principal,
	command: Record<string, unknown> & { type: string },
	commandId: string = uuidv7(),
): Promise<void> {
	const result = await pipeline.submit(principal, { ...command, id: commandId });
	if (result.status === "applied") return;
	if (result.code === "internal_error" && result.retryable) {
		throw new ApiError(503, "unavailable", result.reason);
	}
	const [status, code] = REJECTION_TO_HTTP[result.code] ?? [400, "bad_request"];
	throw new ApiError(status, code, result.reason);
}
