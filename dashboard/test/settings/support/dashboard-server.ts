import { HEADERS, type LoginResponse, type WebsiteBootstrapResponse } from "@cossistant/types";
import {
	startWidgetServer,
	type WidgetServer,
} from "../../../../react-sdk/test/support/widget-server.ts";
import { LOCAL_ORIGIN } from "../../../../sync-server/test/support/local-origin.ts";
import { createTeamRequest, type TeamRequest } from "../../../src/api/team-request.ts";

/**
 * A real sync-server (child process, PGlite in a temporary directory, demo website seeded) and
 * the demo admin signed in, for the dashboard's component tests. The server runs apart from the
 * DOM environment: happy-dom's globals must not leak into server code.
 */
export interface DashboardServer {
	server: WidgetServer;
	/** The demo admin's session. */
	admin: LoginResponse;
	/** The demo website. */
	websiteId: string;
	/** The admin's REST calls, as the shell makes them. */
	request: TeamRequest;
	stop(): Promise<void>;
}

/** Starts the server and signs the demo admin in. */
export async function startDashboardServer(): Promise<DashboardServer> {
	const server = await startWidgetServer();
	try {
		const admin = await login(server, server.demo.agentEmail, server.demo.agentPassword);
		const websiteId = admin.websiteIds[0];
		if (!websiteId) throw new Error("the demo admin has no website");
		return {
			server,
			admin,
			websiteId,
			request: createTeamRequest({ apiUrl: server.demo.apiUrl, token: admin.token }),
			stop: () => server.stop(),
		};
	} catch (error) {
		await server.stop();
		throw error;
	}
}

/** `POST /v1/auth/login`. */
export async function login(
	server: WidgetServer,
	email: string,
	password: string,
): Promise<LoginResponse> {
	const response = await fetch(`${server.demo.apiUrl}/auth/login`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ email, password }),
	});
	if (!response.ok) throw new Error(`login: ${response.status} ${await response.text()}`);
	return (await response.json()) as LoginResponse;
}

/** A visitor as the widget creates it (`GET /v1/websites` with the demo public key). */
export async function bootstrapVisitor(
	server: WidgetServer,
	headers: Record<string, string> = {},
): Promise<WebsiteBootstrapResponse> {
	const response = await fetch(`${server.demo.apiUrl}/websites`, {
		headers: { [HEADERS.publicKey]: server.demo.publicKey, origin: LOCAL_ORIGIN, ...headers },
	});
	if (!response.ok) throw new Error(`bootstrap: ${response.status} ${await response.text()}`);
	return (await response.json()) as WebsiteBootstrapResponse;
}

/** A widget call as the visitor (public key + visitor token). */
export async function visitorCall(
	server: WidgetServer,
	visitor: WebsiteBootstrapResponse,
	method: string,
	path: string,
	body?: unknown,
): Promise<{ status: number; body: unknown }> {
	const response = await fetch(`${server.demo.apiUrl}${path}`, {
		method,
		headers: {
			"content-type": "application/json",
			[HEADERS.publicKey]: server.demo.publicKey,
			[HEADERS.visitorToken]: visitor.visitorToken,
			origin: LOCAL_ORIGIN,
		},
		...(body === undefined ? {} : { body: JSON.stringify(body) }),
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : null };
}
