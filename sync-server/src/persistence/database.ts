import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { lockDataDir } from "./data-dir-lock.ts";

/** Runs raw SQL scripts (several statements at once), used by the migrator and tests. */
export interface SqlRunner {
	/** Executes a script of one or more statements without parameters. */
	exec(sql: string): Promise<void>;
	/** Runs one parameterised query and returns its rows. */
	query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/** A connected database: the Prisma client for the application, raw SQL for the migrator. */
export interface Database {
	readonly kind: "postgres" | "pglite";
	readonly prisma: PrismaClient;
	readonly sql: SqlRunner;
	/** Runs `fn` while holding a database-wide advisory lock (serialises migrators of N processes). */
	withAdvisoryLock<T>(lockId: number, fn: () => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

export type DatabaseOptions =
	| { kind: "postgres"; url: string; poolSize?: number }
	/** `dataDir` undefined → in-memory PGlite (tests). */
	| { kind: "pglite"; dataDir?: string };

/** Opens PostgreSQL through `@prisma/adapter-pg`, or embedded PGlite (Postgres in WASM). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
	return options.kind === "postgres"
		? openPostgres(options.url, options.poolSize)
		: openPglite(options.dataDir);
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
	const pool = new pg.Pool({ connectionString: url, max: poolSize });
	// An idle client losing its connection (database restart) must not crash the process.
	pool.on("error", () => {});
	const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
	const sql: SqlRunner = {
		async exec(script) {
			await pool.query(script);
		},
		async query(text, params) {
			const result = await pool.query(text, params as unknown[]);
			return result.rows;
		},
	};
	return {
		kind: "postgres",
		prisma,
		sql,
		async withAdvisoryLock(lockId, fn) {
			const client = await pool.connect();
			try {
				await client.query("SELECT pg_advisory_lock($1)", [lockId]);
				try {
					return await fn();
				} finally {
					await client.query("SELECT pg_advisory_unlock($1)", [lockId]);
				}
			} finally {
				client.release();
			}
		},
		close: once(async () => {
			await prisma.$disconnect();
			await pool.end();
		}),
	};
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
	if (dataDir) mkdirSync(dataDir, { recursive: true });
	const releaseLock = dataDir ? lockDataDir(dataDir) : () => {};
	let pglite: PGlite;
	try {
		pglite = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
	} catch (error) {
		releaseLock();
		throw error;
	}
	const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
	const sql: SqlRunner = {
		async exec(script) {
			await pglite.exec(script);
		},
		async query(text, params) {
			const result = await pglite.query(text, params as unknown[]);
			return result.rows as never[];
		},
	};
	return {
		kind: "pglite",
		prisma,
		sql,
		// One process holds the data directory (lockDataDir), so there is nobody to serialise with.
		withAdvisoryLock: (_lockId, fn) => fn(),
		close: once(async () => {
			try {
				await prisma.$disconnect();
				await pglite.close();
			} finally {
				releaseLock();
			}
		}),
	};
}

/** Makes `close()` idempotent: a second call waits for the first. */
function once(fn: () => Promise<void>): () => Promise<void> {
	let pending: Promise<void> | null = null;
	return () => {
		pending ??= fn();
		return pending;
	};
}
