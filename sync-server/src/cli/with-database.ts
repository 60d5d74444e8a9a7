import type { ServerConfig } from "../config.ts";
import { type Database, openDatabase } from "../persistence/database.ts";
import { migrate } from "../persistence/migrator.ts";

/**
 * Opens the configured database (PostgreSQL at DATABASE_URL, else PGlite under DATA_DIR),
 * brings it up to date as `start` would, runs `fn` and closes it, whatever happens.
 * Migrating first means a command works on a fresh install and never writes into an older
 * schema than the one the code expects.
 */
export async function withDatabase<T>(
	config: ServerConfig,
	log: (message: string) => void,
	fn: (db: Database) => Promise<T>,
): Promise<T> {
	const db = await openDatabase(config.database);
	try {
		await migrate(db, { log });
		return await fn(db);
	} finally {
		await db.close();
	}
}

/** Where the command writes, for its first line of output (never prints a password in a URL). */
export function describeDatabase(config: ServerConfig): string {
	if (config.database.kind === "pglite") return `PGlite in ${config.database.dataDir}`;
	try {
		const url = new URL(config.database.url);
		return `PostgreSQL ${url.host}${url.pathname}`;
	} catch {
		return "PostgreSQL";
	}
}
