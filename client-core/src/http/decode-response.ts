import { apiErrorBodySchema } from "@cossistant/types";
import * as v from "valibot";
import { CossistantApiError } from "../errors.ts";

/**
 * Decodes a REST answer whatever carried it (`fetch` for JSON requests, `XMLHttpRequest` for
 * uploads): a non-2xx status becomes a CossistantApiError with the server's one error shape
 * (`invalid_response` when the body is not that shape); a 2xx body is validated by `schema`
 * when given, since the client never trusts what it receives.
 */
export function decodeResponse<T>(
	status: number,
	text: string,
	path: string,
	schema?: v.GenericSchema<unknown, T>,
): T {
	const json = safeJson(text);
	if (status < 200 || status >= 300) {
		const error = v.safeParse(apiErrorBodySchema, json);
		if (error.success) {
			const { code, message, details } = error.output.error;
			throw new CossistantApiError(status, code, message, details);
		}
		throw new CossistantApiError(status, "invalid_response", `HTTP ${status}`);
	}
	if (!schema) return json as T;
	const parsed = v.safeParse(schema, json);
	if (!parsed.success) {
		throw new CossistantApiError(
			status,
			"invalid_response",
			`Unexpected response from ${path}`,
			parsed.issues.map((issue) => ({ path: v.getDotPath(issue) ?? "", message: issue.message })),
		);
	}
	return parsed.output;
}

function safeJson(text: string): unknown {
	try {
		return text ? JSON.parse(text) : undefined;
	} catch {
		return undefined;
	}
}
