import { request as httpRequest } from "node:http";
import type { LoginResponse } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import type { SyncServer } from "../../src/server.ts";

/** A REST answer: status, parsed JSON body (or null), headers and the raw text. */
export interface RestResponse {
	status: number;
	// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
	body: any;
	headers: Headers;
	text: string;
}

export interface RestOptions {
	/** `Authorization: Bearer <token>` (session token or private key). */
	token?: string;
	body?: unknown;
	headers?: Record<string, string>;
}

/** Calls `/v1<path>` of the server with JSON in and out. */
export async function rest(
	server: Pick<SyncServer, "apiUrl">,
	method: string,
	path: string,
	options: RestOptions = {},
): Promise<RestResponse> {
	const headers: Record<string, string> = { ...options.headers };
	if (options.token) headers.authorization = `Bearer ${options.token}`;
	if (options.body !== undefined) headers["content-type"] = "application/json";
	const response = await fetch(`${server.apiUrl}${path}`, {
		method,
		headers,
		body: options.body === undefined ? undefined : JSON.stringify(options.body),
	});
	const text = await response.text();
	let body: unknown = null;
	try {
		body = text ? JSON.parse(text) : null;
	} catch {
		body = null;
	}
	return { status: response.status, body, headers: response.headers, text };
}

/**
 * A request sent from a chosen local address (any of 127.0.0.0/8 reaches the server on Linux),
 * to act as different client IPs for per-IP limits. `path` is absolute (`/v1/…`).
 */
export function requestFrom(
	server: Pick<SyncServer, "url">,
	localAddress: string,
	method: string,
	path: string,
	body?: unknown,
): Promise<{ status: number; body: unknown; retryAfter: string | undefined }> {
	return new Promise((resolve, reject) => {
		const url = new URL(path, server.url);
		const req = httpRequest(
			{
				host: url.hostname,
				port: url.port,
				path: url.pathname,
				method,
				localAddress,
				headers: body === undefined ? {} : { "content-type": "application/json" },
			},
			(res) => {
				let text = "";
				res.setEncoding("utf8");
				res.on("data", (chunk) => {
					text += chunk;
				});
				res.on("end", () =>
					resolve({
						status: res.statusCode ?? 0,
						body: text ? JSON.parse(text) : null,
						retryAfter: res.headers["retry-after"],
					}),
				);
			},
		);
		req.on("error", reject);
		req.end(body === undefined ? undefined : JSON.stringify(body));
	});
}

/** Logs in with email and password; throws unless it succeeds. */
export async function login(
	server: Pick<SyncServer, "apiUrl">,
	email: string,
	password: string,
): Promise<LoginResponse> {
	const response = await rest(server, "POST", "/auth/login", { body: { email, password } });
	if (response.status !== 200) throw new Error(`login ${response.status}: ${response.text}`);
	return response.body as LoginResponse;
}

/**
 * Creates an agent of `websiteId` through the admin API (as `adminToken`) and logs it in.
 * Returns the session and the password.
 */
export async function createAgent(
	server: Pick<SyncServer, "apiUrl">,
	adminToken: string,
	websiteId: string,
	role: "admin" | "agent" = "agent",
	name = `Agent ${role}`,
): Promise<LoginResponse & { password: string }> {
	const email = `${role}-${uuidv7()}@example.com`;
	const password = `pw-${uuidv7()}`;
	const created = await rest(server, "POST", `/websites/${websiteId}/agents`, {
		token: adminToken,
		body: { email, name, role, password },
	});
	if (created.status !== 201) throw new Error(`create agent ${created.status}: ${created.text}`);
	return { ...(await login(server, email, password)), password };
}
