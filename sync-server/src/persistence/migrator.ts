import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { assetPath } from "../asset-path.ts";
import type { Database } from "./database.ts";

/**
 * The advisory lock id Prisma's schema engine takes around `migrate deploy`. Using the same id
 * means our migrator and a `prisma migrate deploy` run (on machines that have Prisma's engine)
 * also exclude each other, not only N sync-server processes booting together.
 */
const PRISMA_MIGRATE_LOCK_ID = 72707369;

/**
 * The `migrations` folder beside the built server (the package ships a copy), else
 * `prisma/migrations` of this repository; found from this file rather than from the working
 * directory: the server may be started from any folder (tests, `npm start` in a workspace).
 */
const DEFAULT_MIGRATIONS_DIR = assetPath(
	import.meta.url,
	"./migrations",
	"../../../prisma/migrations",
);

/**
 * Prisma's own DDL for its bookkeeping table (schema engine, PostgreSQL flavour), so that
 * `prisma migrate status/deploy` can later read what we recorded and vice versa. Only
 * `IF NOT EXISTS` is added; we run it under the lock, so it never races.
 */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

/** Options of {@link migrate}. */
export interface MigrateOptions {
	/** Folder holding `<name>/migration.sql` folders. Defaults to the shipped (or the repository's) migrations. */
	migrationsDir?: string;
	/** Receives one line per notable event (applied migration, unknown applied migration). */
	log?: (message: string) => void;
}

/** Outcome of {@link migrate}. */
export interface MigrateResult {
	/** Names of the migrations this call applied, in order; empty when the database was up to date. */
	applied: string[];
}

interface LocalMigration {
	name: string;
	script: string;
	/** sha256 hex of the file's bytes: exactly what `prisma migrate` stores in `checksum`. */
	checksum: string;
}

interface MigrationRow {
	id: string;
	migration_name: string;
	checksum: string;
	started_at: Date | string;
	finished_at: Date | string | null;
	rolled_back_at: Date | string | null;
}

/**
 * Brings the database up to date with the hand-written SQL migrations in Prisma's folder layout
 * (`<migrationsDir>/<timestamp>_<name>/migration.sql`), recording them in `_prisma_migrations`
 * exactly like `prisma migrate deploy` does. Prisma's CLI cannot migrate offline (it
 * needs a native engine), so the sync-server runs this at boot.
 *
 * - Migrations are applied in folder-name order; those already finished are skipped, so calling
 *   this again is a no-op.
 * - Refuses to run (throws, applying nothing) when an applied migration's file was edited
 *   (checksum mismatch) or when a previous attempt left a failed row (Prisma's P3009 state).
 * - Each pending migration runs in one transaction together with its `_prisma_migrations` row:
 *   either both are committed or neither. Statements that PostgreSQL refuses inside a
 *   transaction block (e.g. `CREATE INDEX CONCURRENTLY`) are therefore not supported.
 * - The whole run holds Prisma's advisory lock, so N processes starting together migrate once;
 *   the others wait, then find nothing pending.
 *
 * @param db - an open database (PostgreSQL or PGlite).
 * @param options - `migrationsDir` to migrate from another folder (tests), `log` for progress.
 * @returns the names of the migrations applied by this call.
 * @throws when a migration folder lacks `migration.sql`, when the history in the database is
 *   inconsistent with the folder (see above), or when a migration fails (it is rolled back).
 */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<MigrateResult> {
	const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
	const log = options.log ?? (() => {});
	// Read the files before taking the lock: keeps the time other processes wait short.
	const local = await readLocalMigrations(migrationsDir);
	return serializeInProcess(db, () =>
		db.withAdvisoryLock(PRISMA_MIGRATE_LOCK_ID, () => migrateLocked(db, local, migrationsDir, log)),
	);
}

async function migrateLocked(
	db: Database,
	local: LocalMigration[],
	migrationsDir: string,
	log: (message: string) => void,
): Promise<MigrateResult> {
	await db.sql.exec(CREATE_MIGRATIONS_TABLE);
	// Read the history only now, under the lock: a process that waited must see what the
	// process before it applied.
	const rows = await db.sql.query<MigrationRow>(
		`SELECT id, migration_name, checksum, started_at, finished_at, rolled_back_at
		   FROM _prisma_migrations ORDER BY started_at, migration_name`,
	);

	const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null);
	if (failed.length > 0) {
		// Such rows come from Prisma's CLI (it records the start of a migration before running it)
		// or from hand edits, never from us (our row commits with the script). Whether the script
		// took effect is unknown, so applying more SQL on top could make things worse: a human
		// decides. Same rule as Prisma's `migrate deploy` (error P3009).
		const list = failed.map((row) => `"${row.migration_name}" (id ${row.id})`).join(", ");
		throw new Error(
			`Refusing to migrate: migration ${list} failed on a previous run and was never resolved. ` +
				"Inspect the database, fix it by hand, then mark the row rolled back " +
				`(UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = '<id>') so it is applied again, ` +
				"or mark it finished if you completed it manually.",
		);
	}

	// Rows marked rolled back (`prisma migrate resolve --rolled-back`) do not count as applied:
	// Prisma applies such a migration again, and so do we.
	const applied = new Map<string, MigrationRow>();
	for (const row of rows) if (row.rolled_back_at === null) applied.set(row.migration_name, row);

	const localNames = new Set(local.map((migration) => migration.name));
	const modified = local.filter((migration) => {
		const row = applied.get(migration.name);
		return row !== undefined && !scriptMatchesChecksum(migration.script, row.checksum);
	});
	if (modified.length > 0) {
		// The database was built from a different script than the one in the repository, so the
		// schema may not be what the code expects. Editing applied migrations is never safe.
		const list = modified
			.map((m) => `"${m.name}" (database ${applied.get(m.name)?.checksum}, file ${m.checksum})`)
			.join(", ");
		throw new Error(
			`Refusing to migrate: applied migration ${list} was modified after it was applied ` +
				`(checksum mismatch in ${migrationsDir}). Restore the original migration.sql and put ` +
				"the change in a new migration.",
		);
	}
	for (const name of applied.keys()) {
		// Not an error: during a rolling deploy an older process may boot after a newer one has
		// migrated. Prisma's `migrate deploy` tolerates it too; we only make it visible.
		if (!localNames.has(name)) log(`migration ${name} is applied but not in ${migrationsDir}`);
	}

	const pending = local.filter((migration) => !applied.has(migration.name));
	const done: string[] = [];
	for (const migration of pending) {
		await applyMigration(db, migration);
		log(`applied migration ${migration.name}`);
		done.push(migration.name);
	}
	return { applied: done };
}

/**
 * Runs the script and records it in one transaction. Everything goes through a single
 * `db.sql.exec` call because on PostgreSQL each call may use a different pooled connection:
 * a `BEGIN` sent in one call and the script in another would not share a transaction.
 */
async function applyMigration(db: Database, migration: LocalMigration): Promise<void> {
	const startedAt = new Date().toISOString();
	// Literals instead of parameters: a multi-statement script cannot take parameters. All values
	// are ours (uuid, hex, ISO date, folder name) and quoted by sqlLiteral anyway.
	const record =
		"INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) " +
		`VALUES (${sqlLiteral(randomUUID())}, ${sqlLiteral(migration.checksum)}, ${sqlLiteral(migration.name)}, ` +
		`${sqlLiteral(startedAt)}, clock_timestamp(), 1)`;
	// The newline before `;` ends a trailing `--` comment in the script; an extra `;` after a
	// script that already ends with one is an empty statement, which PostgreSQL accepts.
	const transaction = `BEGIN;\n${migration.script}\n;\n${record};\nCOMMIT;`;
	try {
		await db.sql.exec(transaction);
	} catch (error) {
		// After an error PostgreSQL skips the rest of the script (our COMMIT included) and leaves
		// the session inside the aborted transaction. pg's pool discards a client whose query
		// failed, but PGlite has one session that would stay unusable: roll it back. Where no
		// transaction is open (PostgreSQL's next pooled client) ROLLBACK is only a warning.
		await db.sql.exec("ROLLBACK").catch(() => {});
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(
			`Migration ${migration.name} failed and was rolled back (nothing recorded): ${reason}`,
			{ cause: error },
		);
	}
}

/** Migration folders of `dir`, sorted by name as Prisma sorts them; other entries are ignored. */
async function readLocalMigrations(dir: string): Promise<LocalMigration[]> {
	const entries = await readdir(dir, { withFileTypes: true });
	const names = entries
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	return Promise.all(
		names.map(async (name) => {
			const file = join(dir, name, "migration.sql");
			let bytes: Buffer;
			try {
				bytes = await readFile(file);
			} catch (error) {
				// An empty folder usually means a migration was half-created or half-deleted: better
				// to stop than to silently skip a step of the history.
				throw new Error(`Migration folder ${name} in ${dir} has no readable migration.sql`, {
					cause: error,
				});
			}
			return { name, script: bytes.toString("utf8"), checksum: sha256Hex(bytes) };
		}),
	);
}

function sha256Hex(data: string | Buffer): string {
	return createHash("sha256").update(data).digest("hex");
}

/**
 * Prisma's comparison (schema engine, `checksum.rs`): the script also matches when only its line
 * endings differ (git may convert LF/CRLF on checkout), and checksums written by old Prisma
 * versions lack the zero-padding of each byte.
 */
function scriptMatchesChecksum(script: string, checksum: string): boolean {
	const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
	return variants.some((variant) => {
		const digest = createHash("sha256").update(variant).digest();
		const rendered =
			checksum.length === 64 || checksum.length === 0
				? digest.toString("hex")
				: Array.from(digest, (byte) => byte.toString(16)).join("");
		return rendered === checksum;
	});
}

/** A PostgreSQL string literal (standard_conforming_strings is on in PostgreSQL and PGlite). */
function sqlLiteral(value: string): string {
	return `'${value.replaceAll("'", "''")}'`;
}

/**
 * Calls on the same `Database` run one after the other. The advisory lock already does this on
 * PostgreSQL, but PGlite has a single session and no lock to wait on (see database.ts), so two
 * concurrent calls there would both see a migration as pending and both try to apply it.
 */
const runningMigrations = new WeakMap<Database, Promise<unknown>>();

function serializeInProcess<T>(db: Database, fn: () => Promise<T>): Promise<T> {
	// The stored promise never rejects, so one failed run does not fail the calls queued after it.
	const previous = runningMigrations.get(db) ?? Promise.resolve();
	const next = previous.then(fn);
	runningMigrations.set(
		db,
		next.catch(() => {}),
	);
	return next;
}
