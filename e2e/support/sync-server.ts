import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import {
	type DemoFile,
	freePort,
	ServerProcess,
} from "../../sync-server/test/support/server-process.ts";

/** A running sync-server for one e2e suite, with the demo seed of `npm start`. */
export interface E2eServer {
	process: ServerProcess;
	demo: DemoFile;
	/** `http://127.0.0.1:<port>` */
	url: string;
	stop(): Promise<void>;
}

/**
 * Starts the real sync-server in a child process on a free port, as `npm start` does, with its
 * own database: a fresh PostgreSQL database next to `DATABASE_URL` (an admin URL) when set,
 * otherwise embedded PGlite in a temporary directory.
 */
export async function startE2eServer(env: Record<string, string> = {}): Promise<E2eServer> {
	const dataDir = mkdtempSync(join(tmpdir(), "cossistant-e2e-"));
	const database = process.env.DATABASE_URL ? await createDatabase(process.env.DATABASE_URL) : null;
	const port = await freePort();
	const server = new ServerProcess(port, {
		DATA_DIR: dataDir,
		AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789",
		// Browsers and test clients all connect from 127.0.0.1: the per-IP limits are off.
		WS_UPGRADE_RATE_LIMIT: "0",
		WS_CONNECTIONS_PER_IP: "0",
		COMMAND_IP_RATE_LIMIT: "0",
		VISITOR_CREATION_RATE_LIMIT: "0",
		...(database ? { DATABASE_URL: database.url } : {}),
		...env,
	});
	await server.start();
	return {
		process: server,
		demo: server.demo(),
		url: server.url,
		async stop() {
			await server.terminate();
			await database?.drop();
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

async function createDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
	const name = `cossistant_e2e_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			const client = new pg.Client({ connectionString: adminUrl });
			await client.connect();
			await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await client.end();
		},
	};
}
