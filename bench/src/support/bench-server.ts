import { loadConfig, type SyncServer, startSyncServer } from "@cossistant/sync-server";
import { HEADERS, type WebsiteBootstrapResponse } from "@cossistant/types";
import { createFreshDatabase, type FreshDatabase } from "./fresh-database.ts";

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
 */
export async function startBenchServer(databaseUrl: string | undefined): Promise<BenchServer> {
	const database = await createFreshDatabase(databaseUrl);
	try {
		const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent", SEED_DEMO: "true" });
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
	const publicKey = server.demo?.publicKey;
	if (!publicKey) throw new Error("the demo website was not seeded");
	const response = await fetch(`${server.apiUrl}/websites`, {
		headers: { [HEADERS.publicKey]: publicKey },
	});
	if (!response.ok)
		throw new Error(`visitor bootstrap failed: ${response.status} ${await response.text()}`);
	const body = (await response.json()) as WebsiteBootstrapResponse;
	return { kind: "visitor", visitorId: body.visitor.id, websiteId: body.website.id };
}
