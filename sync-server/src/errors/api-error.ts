import type { ApiErrorBody, ApiErrorCode } from "@cossistant/types";

/** A REST error with an HTTP status and a stable code; rendered as `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
	override name = "ApiError";

	constructor(
		readonly status: number,
		readonly code: ApiErrorCode,
		message: string,
		readonly details?: unknown,
	) {
		super(message);
	}

	toBody(): ApiErrorBody {
		return {
			error: {
				code: this.code,
				message: this.message,
				...(this.details === undefined ? {} : { details: this.details }),
			},
		};
	}
}
