// Proves that the hand-written SQL migrations build exactly the database `prisma/schema.prisma`
// describes, and that the migrator behaves like `prisma migrate deploy`.
//
// Prisma's CLI cannot diff or migrate offline (no native schema engine), so nothing
// else checks the SQL against the schema. The expected shape comes from Prisma's own schema
// parser (the full DMMF, obtained through `prisma generate` with a throw-away generator: see
// loadDatamodel), the actual shape from information_schema / pg_catalog.

import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DMMF } from "@prisma/client/runtime/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../src/generated/prisma/client.ts";
import { type Database, openDatabase } from "../src/persistence/database.ts";
import { migrate } from "../src/persistence/migrator.ts";
import {
	expectedShape,
	loadDatamodel,
	type RuntimeField,
	runtimeDataModel,
} from "./support/schema-expected.ts";
import { diffShapes, readDatabaseShape } from "./support/schema-shape.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const _SCHEMA_PATH = join(REPO_ROOT, "prisma", "schema.prisma");
const MIGRATIONS_DIR = join(REPO_ROOT, "prisma", "migrations");
const INIT_MIGRATION = join(MIGRATIONS_DIR, "20261121000000_init", "migration.sql");

let datamodel: DMMF.Datamodel;

beforeAll(async () => {
	datamodel = await loadDatamodel();
});

describe.each(testDatabaseTargets())("schema and migrator on $name", (target) => {
	let testDb: TestDatabase;
	let db: Database;

	beforeAll(async () => {
		// create() runs migrate() with the default migrations folder, like the server at boot.
		testDb = await target.create();
		db = testDb.db;
	});
	afterAll(async () => {
		await testDb?.drop();
	});

	it("the generated client matches schema.prisma (else run `npm run db:generate`)", () => {
		// Prisma 7's `prisma-client` generator no longer exports `Prisma.dmmf`; the client only
		// carries a pruned runtime data model (names, kinds, types, relation names).
		const runtime = runtimeDataModel(db.prisma);
		const project = (fields: readonly RuntimeField[]) =>
			fields.map((f) => ({
				name: f.name,
				kind: f.kind,
				type: f.type,
				relationName: f.relationName ?? null,
				dbName: f.dbName ?? null,
			}));
		const fromSchema = Object.fromEntries(
			datamodel.models.map((m) => [m.name, { dbName: m.dbName, fields: project(m.fields) }]),
		);
		const fromClient = Object.fromEntries(
			Object.entries(runtime.models).map(([name, m]) => [
				name,
				{ dbName: m.dbName, fields: project(m.fields) },
			]),
		);
		expect(fromClient).toEqual(fromSchema);
		expect(Object.values(Prisma.ModelName).sort()).toEqual(
			datamodel.models.map((m) => m.name).sort(),
		);
	});
	it("the migrated database has exactly the tables, columns, keys, indexes and relations of schema.prisma", async () => {
		const [{ schema }] = (await db.sql.query<{ schema: string }>(
			"SELECT current_schema() AS schema",
		)) as [{ schema: string }];
		const actual = await readDatabaseShape(db, schema);
		const expected = expectedShape(datamodel);
		// The path list makes a failure readable; toEqual then shows the full diff.
		expect(diffShapes(expected, actual)).toEqual([]);
		expect(actual).toEqual(expected);
	});

	it("records one finished row per migration folder with Prisma's checksum", async () => {
		const folders = await migrationFolders();
		const rows = await db.sql.query<{
			id: string;
			checksum: string;
			migration_name: string;
			started_at: Date;
			finished_at: Date | null;
			rolled_back_at: Date | null;
			logs: string | null;
			applied_steps_count: number;
		}>("SELECT * FROM _prisma_migrations ORDER BY migration_name");
		expect(rows.map((r) => r.migration_name)).toEqual(folders);
		for (const row of rows) {
			const file = await readFile(join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
			expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
			expect(row.id).toMatch(
				/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
			);
			expect(row.finished_at).toBeInstanceOf(Date);
			expect(row.finished_at?.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
			expect(row.rolled_back_at).toBeNull();
			expect(row.logs).toBeNull();
			expect(row.applied_steps_count).toBe(1);
		}
	});

	it("does nothing when migrated again", async () => {
		const before = await db.sql.query("SELECT * FROM _prisma_migrations ORDER BY id");
		expect(await migrate(db)).toEqual({ applied: [] });
		expect(await migrate(db)).toEqual({ applied: [] });
		expect(await db.sql.query("SELECT * FROM _prisma_migrations ORDER BY id")).toEqual(before);
	});

	it("refuses to run when an applied migration's checksum changed", async () => {
		const [name] = await migrationFolders();
		const [row] = (await db.sql.query<{ checksum: string }>(
			"SELECT checksum FROM _prisma_migrations WHERE migration_name = $1",
			[name],
		)) as [{ checksum: string }];
		await db.sql.query("UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2", [
			"0".repeat(64),
			name,
		]);
		try {
			await expect(migrate(db)).rejects.toThrow(/modified after it was applied/);
		} finally {
			await db.sql.query("UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2", [
				row.checksum,
				name,
			]);
		}
		// Prisma tolerates line-ending conversions (git autocrlf): so do we.
		const crlf = createHash("sha256")
			.update((await readFile(INIT_MIGRATION, "utf8")).replaceAll("\n", "\r\n"))
			.digest("hex");
		await db.sql.query("UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2", [
			crlf,
			name,
		]);
		try {
			expect(await migrate(db)).toEqual({ applied: [] });
		} finally {
			await db.sql.query("UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2", [
				row.checksum,
				name,
			]);
		}
	});

	it("refuses to run while a failed migration is unresolved", async () => {
		await db.sql.query(
			`INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, applied_steps_count)
			 VALUES ('00000000-0000-4000-8000-000000000000', $1, '29990101000000_failed', 'boom', 0)`,
			["0".repeat(64)],
		);
		try {
			await expect(migrate(db)).rejects.toThrow(/29990101000000_failed.*failed on a previous run/);
		} finally {
			await db.sql.query(
				"DELETE FROM _prisma_migrations WHERE migration_name = '29990101000000_failed'",
			);
		}
	});

	it("rolls a failing migration back entirely and records nothing", async () => {
		const dir = await migrationsDirWith({
			"29990101000000_broken": 'CREATE TABLE "BrokenProbe" ("id" INTEGER);\nSELECT 1 / 0;\n',
		});
		try {
			await expect(migrate(db, { migrationsDir: dir })).rejects.toThrow(
				/29990101000000_broken failed and was rolled back.*division by zero/,
			);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
		// Several queries at once: they use several pooled connections, none left in the aborted
		// transaction.
		const probes = await Promise.all(
			Array.from({ length: 4 }, () =>
				db.sql.query<{ table: string | null }>(
					`SELECT to_regclass('"BrokenProbe"')::text AS table`,
				),
			),
		);
		expect(probes.flat()).toEqual(Array.from({ length: 4 }, () => ({ table: null })));
		expect(
			await db.sql.query(
				"SELECT id FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'",
			),
		).toEqual([]);
		expect(await migrate(db)).toEqual({ applied: [] });
	});

	it("applies a new migration once when several migrators start together", async () => {
		const name = "29990101000000_probe";
		const dir = await migrationsDirWith({
			[name]:
				'CREATE TABLE "MigratorProbe" ("id" INTEGER NOT NULL);\nINSERT INTO "MigratorProbe" VALUES (1);\n',
		});
		// On PostgreSQL separate pools, i.e. separate sessions, like separate processes; PGlite has
		// a single session per data directory, so there the calls share one handle.
		const url = testDb.env.DATABASE_URL;
		const handles =
			target.name === "postgres" && url
				? await Promise.all(
						[1, 2, 3].map(() => openDatabase({ kind: "postgres", url, poolSize: 2 })),
					)
				: [db, db, db];
		try {
			const results = await Promise.all(handles.map((h) => migrate(h, { migrationsDir: dir })));
			expect(results.flatMap((r) => r.applied)).toEqual([name]);
			expect(await db.sql.query('SELECT id FROM "MigratorProbe"')).toEqual([{ id: 1 }]);
			expect(
				await db.sql.query(
					"SELECT finished_at IS NOT NULL AS finished FROM _prisma_migrations WHERE migration_name = $1",
					[name],
				),
			).toEqual([{ finished: true }]);
		} finally {
			await rm(dir, { recursive: true, force: true });
			if (handles[0] !== db) await Promise.all(handles.map((h) => h.close()));
			await db.sql.exec('DROP TABLE IF EXISTS "MigratorProbe"');
			await db.sql.query("DELETE FROM _prisma_migrations WHERE migration_name = $1", [name]);
		}
	});

	it("the comparison notices each kind of drift from schema.prisma", async () => {
		// Apply a deliberately damaged copy of the migration into a scratch schema and check that
		// every damage shows up, and nothing else. Guards against a comparison that passes vacuously.
		// Every migration in order (the damages below all target the init migration's part).
		const scripts = await Promise.all(
			(await migrationFolders()).map((name) =>
				readFile(join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"),
			),
		);
		const original = scripts.join("\n");
		const damages: [from: string | RegExp, to: string, path: string][] = [
			['    "metadataHash" TEXT,\n', "", "Contact.columns.metadataHash"],
			[
				'"size" INTEGER NOT NULL,',
				'"size" INTEGER NOT NULL,\n    "extra" TEXT,',
				"Upload.columns.extra",
			],
			['"title" TEXT,', '"title" TEXT NOT NULL,', "Conversation.columns.title.nullable"],
			[
				'"lastSeq" INTEGER NOT NULL DEFAULT 0',
				'"lastSeq" INTEGER NOT NULL DEFAULT 1',
				"Conversation.columns.lastSeq.default",
			],
			['"expiresAt" TIMESTAMPTZ(3)', '"expiresAt" TIMESTAMP(3)', "Session.columns.expiresAt.type"],
			['"parts" JSONB', '"parts" JSON', "TimelineItem.columns.parts.type"],
			['"allowedOrigins" TEXT[]', '"allowedOrigins" TEXT', "Website.columns.allowedOrigins.type"],
			[
				'PRIMARY KEY ("conversationId","participant")',
				'PRIMARY KEY ("participant","conversationId")',
				"Seen.primaryKey.columns",
			],
			[
				'ON "Conversation"("websiteId", "lastItemAt")',
				'ON "Conversation"("lastItemAt", "websiteId")',
				"Conversation.indexes.Conversation_websiteId_lastItemAt_idx.columns",
			],
			[
				'CREATE UNIQUE INDEX "User_email_key"',
				'CREATE INDEX "User_email_key"',
				"User.indexes.User_email_key.unique",
			],
			[
				'CREATE INDEX "Upload_websiteId_idx"',
				'CREATE INDEX "Upload_websiteId_index"',
				"Upload.indexes.Upload_websiteId_idx",
			],
			[
				/"Visitor_contactId_fkey"(.*) ON DELETE SET NULL/,
				'"Visitor_contactId_fkey"$1 ON DELETE CASCADE',
				"Visitor.foreignKeys.Visitor_contactId_fkey.onDelete",
			],
			[
				/-- AddForeignKey\nALTER TABLE "Upload" ADD CONSTRAINT "Upload_conversationId_fkey".*\n/,
				"",
				"Upload.foreignKeys.Upload_conversationId_fkey",
			],
			[/-- CreateTable\nCREATE TABLE "ServerSetting" \([^;]*\);\n/, "", "ServerSetting"],
		];
		let damaged = original;
		for (const [from, to] of damages) {
			const next = damaged.replace(from, to);
			expect(next, `damage ${from} must apply`).not.toBe(damaged);
			damaged = next;
		}
		const scratch = "schema_test_drift";
		// One exec: SET LOCAL only lasts for this transaction, on this connection.
		await db.sql.exec(
			`BEGIN; DROP SCHEMA IF EXISTS ${scratch} CASCADE; CREATE SCHEMA ${scratch};\nSET LOCAL search_path TO ${scratch};\n${damaged}\n;COMMIT;`,
		);
		try {
			const actual = await readDatabaseShape(db, scratch);
			const found = diffShapes(expectedShape(datamodel), actual).map((d) => d.split(": ")[0]);
			// The renamed index shows twice: its expected name is missing, its new name is unknown.
			const wanted = [
				...damages.map(([, , path]) => path),
				"Upload.indexes.Upload_websiteId_index",
			];
			expect(found.sort()).toEqual(wanted.sort());
		} finally {
			await db.sql.exec(`DROP SCHEMA IF EXISTS ${scratch} CASCADE`);
		}
	});
});

async function migrationFolders(): Promise<string[]> {
	const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
	return entries
		.filter((e) => e.isDirectory())
		.map((e) => e.name)
		.sort();
}

/** A temporary copy of prisma/migrations plus extra migrations (`{ folder: sql }`). */
async function migrationsDirWith(extra: Record<string, string>): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), "cossistant-migrations-"));
	await cp(MIGRATIONS_DIR, dir, { recursive: true });
	for (const [name, sql] of Object.entries(extra)) {
		await mkdir(join(dir, name));
		await writeFile(join(dir, name, "migration.sql"), sql);
	}
	return dir;
}
