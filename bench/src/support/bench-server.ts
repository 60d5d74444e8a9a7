import { loadConfig, type SyncServer, startSyncServer } from "@cossistant/sync-server";
import { HEADERS, type LoginResponse, type WebsiteBootstrapResponse } from "@cossistant/types";
import { createFreshDatabase, type FreshDatabase } from "./fresh-database.ts";
import { BENCH_ORIGIN } from "./origin.ts";

/** Who submits commands: the principal type `pipeline.submit` takes. */
export type Principal = Parameters<SyncServer["pipeline"]["submit"]>[0];

/** A real sync-server over a fresh database, with the demo website seeded. */
export interface BenchServer {
	server: SyncServer;
	database: FreshDatabase;
	/** Stops the server, then drops its database. */
	close(): Promise<void>;
}

/**
 * Starts a sync-server on a free port, quiet, with the default tuning (compaction threshold,
 * batch size), over a fresh PostgreSQL database when `databaseUrl` is set, else in-memory PGlite.
 * `env` overrides configuration variables (e.g. `REST_RATE_LIMIT`); scenarios that change one
 * say so in their metrics.
 */
export async function startBenchServer(
	databaseUrl: string | undefined,
	env: Record<string, string> = {},
): Promise<BenchServer> {
	const database = await createFreshDatabase(databaseUrl);
	try {
		const config = loadConfig({
			PORT: "0",
			LOG_LEVEL: "silent",
			SEED_DEMO: "true",
			// Every simulated client connects from 127.0.0.1: the per-IP upgrade limit is off …
			WS_UPGRADE_RATE_LIMIT: "0",
			// … and so are the caps and budgets shared by an address or the demo website.
			WS_CONNECTIONS_PER_IP: "0",
			WS_CONNECTIONS_PER_VISITOR: "0",
			WS_CONNECTIONS_PER_SESSION: "0",
			COMMAND_IP_RATE_LIMIT: "0",
			COMMAND_WEBSITE_RATE_LIMIT: "0",
			VISITOR_CREATION_RATE_LIMIT: "0",
			...env,
		});
		const server = await startSyncServer(config, { db: database.db });
		return {
			server,
			database,
			async close() {
				try {
					await server.stop();
				} finally {
					await database.drop();
				}
			},
		};
	} catch (error) {
		await database.drop();
		throw error;
	}
}

/** Creates a visitor as the widget does (`GET /v1/websites` with the demo public key). */
export async function bootstrapVisitor(server: SyncServer): Promise<Principal> {
	return (await bootstrapVisitorWithToken(server)).principal;
}

/** A visitor created through `GET /v1/websites`, with the token its widget would hold. */
export interface BootstrappedVisitor {
	principal: Extract<Principal, { kind: "visitor" }>;
	/** Signed visitor token (WebSocket `token`, `X-Visitor-Token` on REST). */
	token: string;
	/** `visitor:<id>`: the name of its outbox's principal. */
	principalKey: `visitor:${string}`;
}

/** Creates a visitor as the widget does and keeps its token (for WebSocket clients). */
export function bootstrapVisitorWithToken(server: SyncServer): Promise<BootstrappedVisitor> {
	return bootstrapVisitorAt(server.apiUrl, demoPublicKey(server));
}

/** {@link bootstrapVisitorWithToken} against any server's REST API (`…/v1`), e.g. another process. */
export async function bootstrapVisitorAt(
	apiUrl: string,
	publicKey: string,
): Promise<BootstrappedVisitor> {
	const response = await fetch(`${apiUrl}/websites`, {
		headers: { [HEADERS.publicKey]: publicKey, origin: BENCH_ORIGIN },
	});
	if (!response.ok)
		throw new Error(`visitor bootstrap failed: ${response.status} ${await response.text()}`);
	const body = (await response.json()) as WebsiteBootstrapResponse;
	return {
		principal: { kind: "visitor", visitorId: body.visitor.id, websiteId: body.website.id },
		token: body.visitorToken,
		principalKey: `visitor:${body.visitor.id}`,
	};
}

/** Logs the demo admin in (`POST /v1/auth/login`) and returns the session. */
export function loginDemoAgent(server: SyncServer): Promise<LoginResponse> {
	const demo = server.demo;
	if (!demo) throw new Error("the demo website was not seeded");
	if (demo.agentPassword === null) throw new Error("the demo agent has no password to log in with");
	return loginAgentAt(server.apiUrl, demo.agentEmail, demo.agentPassword);
}

/** Logs an agent in (`POST /v1/auth/login`) on any server's REST API (`…/v1`). */
export async function loginAgentAt(
	apiUrl: string,
	email: string,
	password: string,
): Promise<LoginResponse> {
	const response = await fetch(`${apiUrl}/auth/login`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ email, password }),
	});
	if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
	return (await response.json()) as LoginResponse;
}

/** The demo website's public key (`pk_test_…`). */
export function demoPublicKey(server: SyncServer): string {
	const publicKey = server.demo?.publicKey;
	if (!publicKey) throw new Error("the demo website was not seeded");
	return publicKey;
}
