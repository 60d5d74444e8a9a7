import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../../sync-server/src/persistence/database.ts";

/**
 * The database one chaos test runs against: a fresh PostgreSQL database next to `DATABASE_URL`
 * (an admin URL, as CI sets it), else embedded PGlite in the server's data directory. The
 * server process migrates it at its first start.
 */
export interface ChaosDatabase {
	kind: "postgres" | "pglite";
	/** `DATABASE_URL` of the new database (PostgreSQL only). */
	url: string | null;
	/** Environment the server process needs for this database (besides DATA_DIR). */
	env: Record<string, string>;
	/**
	 * Opens the database from the test process to check what it holds. PGlite is single-process:
	 * open it only while no server process runs on `dataDir`.
	 */
	open(dataDir: string): Promise<Database>;
	drop(): Promise<void>;
}

/** A fresh database for one test: PostgreSQL when `DATABASE_URL` is set, else PGlite. */
export async function createChaosDatabase(
	adminUrl = process.env.DATABASE_URL,
): Promise<ChaosDatabase> {
	if (!adminUrl) {
		return {
			kind: "pglite",
			url: null,
			env: {},
			open: (dataDir) => openDatabase({ kind: "pglite", dataDir: join(dataDir, "pglite") }),
			drop: async () => {},
		};
	}
	const name = `cossistant_chaos_${randomBytes(6).toString("hex")}`;
	await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		kind: "postgres",
		url: url.toString(),
		env: { DATABASE_URL: url.toString() },
		open: () => openDatabase({ kind: "postgres", url: url.toString(), poolSize: 2 }),
		drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
	};
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	try {
		await admin.query(sql);
	} finally {
		await admin.end();
	}
}
