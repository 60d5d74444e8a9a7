import { HEADERS } from "@cossistant/types";
import type { GenericSchema } from "valibot";
import { CossistantApiError } from "../errors.ts";
import { decodeResponse } from "./decode-response.ts";

export interface RestClientOptions {
	/** REST base, e.g. `https://api.example.com/v1`. */
	apiUrl: string;
	publicKey?: string;
	/** Private key (`sk_…`), server-side only. */
	apiKey?: string;
	fetch?: typeof fetch;
}

export interface RequestOptions<T> {
	method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
	body?: unknown;
	headers?: Record<string, string>;
	/** Validates the response body (the client never trusts what it receives). */
	schema?: GenericSchema<unknown, T>;
	signal?: AbortSignal;
}

/** JSON over fetch with the keys attached and the server's one error shape decoded. */
export class RestClient {
	private readonly baseUrl: string;
	private readonly fetchImpl: typeof fetch;

	constructor(private readonly options: RestClientOptions) {
		this.baseUrl = options.apiUrl.replace(/\/+$/, "");
		this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
	}

	async request<T>(path: string, init: RequestOptions<T> = {}): Promise<T> {
		const headers: Record<string, string> = { accept: "application/json", ...init.headers };
		if (this.options.publicKey) headers[HEADERS.publicKey] = this.options.publicKey;
		if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
		if (init.body !== undefined) headers["content-type"] = "application/json";
		let response: Response;
		try {
			response = await this.fetchImpl(`${this.baseUrl}${path}`, {
				method: init.method ?? "GET",
				headers,
				body: init.body === undefined ? undefined : JSON.stringify(init.body),
				signal: init.signal,
			});
		} catch (error) {
			throw new CossistantApiError(
				0,
				"network_error",
				`Could not reach ${this.baseUrl}: ${String(error)}`,
			);
		}
		return decodeResponse(response.status, await response.text(), path, init.schema);
	}
}
