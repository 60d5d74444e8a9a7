import { apiErrorBodySchema } from "@cossistant/types";
import * as v from "valibot";

/** HTTP methods the dashboard's REST calls use. */
export type TeamRequestMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/**
 * How the dashboard's panels talk to the REST API as the signed-in agent.
 *
 * `path` is relative to the `/v1` API base (`"/websites/…/api-keys"`); `body` is sent as JSON.
 * Resolves with the parsed JSON answer (`undefined` for `204`). On a non-2xx answer it rejects
 * with a {@link TeamRequestError} built from the API's error body; when the network is down it
 * rejects with a `TeamRequestError` of code `network_error` and status `0` (or, from other
 * implementations, the `TypeError` fetch throws: {@link isNetworkError} recognises both).
 * Callers validate the answer with the `@cossistant/types` schemas: `T` is a hint, not a check.
 */
export type TeamRequest = <T = unknown>(
	path: string,
	init?: { method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE"; body?: unknown },
) => Promise<T>;

/** Code of a request that never got an HTTP answer (offline, DNS, connection refused). */
export const NETWORK_ERROR_CODE = "network_error";

/** A failed REST call: the API's stable error `code`, its HTTP `status` and readable message. */
export class TeamRequestError extends Error {
	override name = "TeamRequestError";
	/** The API's stable error code (`validation_failed`, `forbidden`, …) or `network_error`. */
	code: string;
	/** The HTTP status; `0` when no answer arrived. */
	status: number;
	/** The API's `details` (for `validation_failed`: `[{ path, message }]`), if any. */
	details: unknown;

	constructor(code: string, status: number, message: string, details?: unknown) {
		super(message);
		this.code = code;
		this.status = status;
		this.details = details;
	}
}

/** True when `error` means "no answer from the server" rather than an answer saying no. */
export function isNetworkError(error: unknown): boolean {
	if (error instanceof TeamRequestError) return error.code === NETWORK_ERROR_CODE;
	// fetch() rejects with a TypeError when the network is unreachable.
	return error instanceof TypeError;
}

/** What {@link createTeamRequest} needs. */
export interface TeamRequestOptions {
	/** The API base, e.g. `http://127.0.0.1:4000/v1` (no trailing slash needed). */
	apiUrl: string;
	/** The agent's session token (`st_…`), sent as `Authorization: Bearer …`. */
	token: string | (() => string | null);
	/** The fetch to use (defaults to the global one). */
	fetch?: typeof fetch;
}

/**
 * A plain `fetch` implementation of {@link TeamRequest}. The shell may use it as is or wrap its
 * own (session refresh, logout on `401`); the settings and contact panels only rely on the
 * contract above.
 */
export function createTeamRequest(options: TeamRequestOptions): TeamRequest {
	const base = options.apiUrl.replace(/\/+$/, "");
	const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
	return async <T = unknown>(
		path: string,
		init?: { method?: TeamRequestMethod; body?: unknown },
	): Promise<T> => {
		const token = typeof options.token === "function" ? options.token() : options.token;
		const headers: Record<string, string> = { accept: "application/json" };
		if (token) headers.authorization = `Bearer ${token}`;
		if (init?.body !== undefined) headers["content-type"] = "application/json";
		let response: Response;
		try {
			response = await doFetch(`${base}${path}`, {
				method: init?.method ?? "GET",
				headers,
				...(init?.body === undefined ? {} : { body: JSON.stringify(init.body) }),
			});
		} catch (error) {
			throw new TeamRequestError(
				NETWORK_ERROR_CODE,
				0,
				error instanceof Error ? error.message : "The network request failed.",
			);
		}
		const text = await response.text();
		const json: unknown = text === "" ? undefined : safeJson(text);
		if (!response.ok) {
			const parsed = v.safeParse(apiErrorBodySchema, json);
			if (parsed.success) {
				const { code, message, details } = parsed.output.error;
				throw new TeamRequestError(code, response.status, message, details);
			}
			throw new TeamRequestError(
				"internal_error",
				response.status,
				`The server answered ${response.status}.`,
			);
		}
		return json as T;
	};
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
