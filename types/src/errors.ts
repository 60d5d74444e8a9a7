import * as v from "valibot";

/** Stable REST / WebSocket error codes. Clients branch on `code`, never on `message`. */
export const API_ERROR_CODES = [
	"bad_request",
	"validation_failed",
	"missing_public_key",
	"invalid_api_key",
	"private_key_required",
	"origin_not_allowed",
	"unauthorized",
	"invalid_credentials",
	"session_expired",
	"visitor_token_expired",
	"forbidden",
	"not_found",
	"conflict",
	"payload_too_large",
	"unsupported_media_type",
	"rate_limited",
	"too_many_connections",
	"upload_quota_exceeded",
	"visitor_blocked",
	"identity_verification_failed",
	"internal_error",
	"unavailable",
] as const;

export const apiErrorCodeSchema = v.picklist(API_ERROR_CODES);
export type ApiErrorCode = v.InferOutput<typeof apiErrorCodeSchema>;

/** The one JSON error shape of every REST response. */
export const apiErrorBodySchema = v.object({
	error: v.object({
		code: apiErrorCodeSchema,
		message: v.string(),
		details: v.optional(v.unknown()),
	}),
});

export type ApiErrorBody = v.InferOutput<typeof apiErrorBodySchema>;

/**
 * WebSocket close codes (4xxx mirror HTTP statuses, as Hocuspocus' CloseEvents do).
 * The close reason carries the stable ApiErrorCode.
 */
export const CloseCodes = {
	BadRequest: 4400,
	Unauthorized: 4401,
	Forbidden: 4403,
	TooLarge: 4413,
	/** Too many sockets open at once for this visitor or agent session (WS_CONNECTIONS_PER_*). */
	TooManyConnections: 4429,
	/**
	 * RFC 6455 "Try Again Later": the server could not check the credentials right now (its
	 * database is unreachable). Not a verdict on the token: reconnect later, do not log out.
	 */
	TryAgainLater: 1013,
} as const;
