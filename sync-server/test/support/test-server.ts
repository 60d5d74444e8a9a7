import { HEADERS, type LoginResponse, type WebsiteBootstrapResponse } from "@cossistant/types";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import type { Database } from "../../src/persistence/database.ts";
import { type StartOptions, type SyncServer, startSyncServer } from "../../src/server.ts";
import { LOCAL_ORIGIN } from "./local-origin.ts";

/** A sync-server on a free port over `db`, with the demo website seeded and quiet logs. */
export async function startTestServer(
	db: Database,
	env: Record<string, string> = {},
	options: Omit<StartOptions, "db" | "logger"> = {},
): Promise<SyncServer> {
	const logLevel = process.env.TEST_LOG_LEVEL ?? "silent";
	const config = loadConfig({ PORT: "0", LOG_LEVEL: logLevel, SEED_DEMO: "true", ...env });
	return startSyncServer(config, { ...options, db, logger: createLogger(config.logLevel) });
}

/**
 * Bootstraps a visitor through `GET /v1/websites` as the widget does, from `init.origin`
 * (LOCAL_ORIGIN by default; `null` sends no Origin header, as a non-browser client would).
 */
export async function bootstrapVisitor(
	server: Pick<SyncServer, "apiUrl">,
	publicKey: string,
	init: { origin?: string | null; visitorToken?: string } = {},
): Promise<WebsiteBootstrapResponse> {
	const headers: Record<string, string> = { [HEADERS.publicKey]: publicKey };
	const origin = init.origin === undefined ? LOCAL_ORIGIN : init.origin;
	if (origin) headers.origin = origin;
	if (init.visitorToken) headers[HEADERS.visitorToken] = init.visitorToken;
	const response = await fetch(`${server.apiUrl}/websites`, { headers });
	if (!response.ok)
		throw new Error(`bootstrap failed: ${response.status} ${await response.text()}`);
	return (await response.json()) as WebsiteBootstrapResponse;
}

/** Logs the demo admin in and returns the session. */
export async function loginAgent(server: SyncServer, password?: string): Promise<LoginResponse> {
	const demo = server.demo;
	if (!demo) throw new Error("demo not seeded");
	const response = await fetch(`${server.apiUrl}/auth/login`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ email: demo.agentEmail, password: password ?? demo.agentPassword }),
	});
	if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
	return (await response.json()) as LoginResponse;
}
