import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../../src/persistence/database.ts";
import { migrate } from "../../src/persistence/migrator.ts";

/** A database kind a test file runs against. */
export interface TestDatabaseTarget {
	name: "pglite" | "postgres";
	/** Creates a fresh, migrated database for one test file; `drop()` removes it. */
	create(): Promise<TestDatabase>;
}

export interface TestDatabase {
	db: Database;
	/** Connection options to open the same database again (e.g. from a child process). */
	env: Record<string, string>;
	drop(): Promise<void>;
}

/**
 * The databases every persistence test runs against: always PGlite (embedded), plus
 * PostgreSQL when `DATABASE_URL` is set (CI sets it). Each test file gets its own database.
 */
export function testDatabaseTargets(): TestDatabaseTarget[] {
	const targets: TestDatabaseTarget[] = [{ name: "pglite", create: createPgliteDatabase }];
	const adminUrl = process.env.DATABASE_URL;
	if (adminUrl) targets.push({ name: "postgres", create: () => createPostgresDatabase(adminUrl) });
	return targets;
}

async function createPgliteDatabase(): Promise<TestDatabase> {
	const db = await openDatabase({ kind: "pglite" });
	await migrate(db);
	return { db, env: {}, drop: () => db.close() };
}

/** Creates `cossistant_test_<random>` next to the database of `adminUrl`, migrated. */
export async function createPostgresDatabase(adminUrl: string): Promise<TestDatabase> {
	const name = `cossistant_test_${randomBytes(6).toString("hex")}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const db = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 5 });
	await migrate(db);
	return {
		db,
		env: { DATABASE_URL: url.toString() },
		async drop() {
			await db.close();
			const cleanup = new pg.Client({ connectionString: adminUrl });
			await cleanup.connect();
			await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await cleanup.end();
		},
	};
}
