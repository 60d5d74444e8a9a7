import { randomBytes } from "node:crypto";
import { type Database, openDatabase } from "@cossistant/sync-server";

/** A database created for one benchmark run; `drop()` closes and removes it. */
export interface FreshDatabase {
	db: Database;
	kind: Database["kind"];
	/** Name of the PostgreSQL database (`cossistant_bench_<random>`), or `memory` for PGlite. */
	name: string;
	drop(): Promise<void>;
}

/**
 * With `adminUrl` (a `DATABASE_URL`): creates `cossistant_bench_<random>` next to its database
 * and opens it. Without: an in-memory PGlite. Not migrated: the server migrates at start.
 */
export async function createFreshDatabase(adminUrl: string | undefined): Promise<FreshDatabase> {
	if (!adminUrl) {
		const db = await openDatabase({ kind: "pglite" });
		return { db, kind: db.kind, name: "memory", drop: () => db.close() };
	}
	const created = await createFreshPostgresDatabase(adminUrl);
	try {
		const db = await openDatabase({ kind: "postgres", url: created.url, poolSize: 10 });
		return {
			db,
			kind: db.kind,
			name: created.name,
			async drop() {
				await db.close();
				await created.drop();
			},
		};
	} catch (error) {
		await created.drop();
		throw error;
	}
}

/** An empty PostgreSQL database created for one run, to be opened by another process. */
export interface FreshPostgresDatabase {
	/** `cossistant_bench_<random>`. */
	name: string;
	/** Its connection URL (the admin URL with the database name swapped). */
	url: string;
	/** Drops it (forcibly disconnecting whoever still holds it). */
	drop(): Promise<void>;
}

/**
 * Creates `cossistant_bench_<random>` next to the database of `adminUrl` without opening it,
 * for a server started in a child process.
 */
export async function createFreshPostgresDatabase(
	adminUrl: string,
): Promise<FreshPostgresDatabase> {
	const name = `cossistant_bench_${randomBytes(6).toString("hex")}`;
	await runAdmin(adminUrl, `CREATE DATABASE ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		name,
		url: url.toString(),
		drop: () => runAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
	};
}

/** Runs one statement on the admin database (CREATE / DROP DATABASE cannot run in a pool's transaction). */
async function runAdmin(adminUrl: string, statement: string): Promise<void> {
	const admin = await openDatabase({ kind: "postgres", url: adminUrl, poolSize: 1 });
	try {
		await admin.sql.exec(statement);
	} finally {
		await admin.close();
	}
}
