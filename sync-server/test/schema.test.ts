// Proves that the hand-written SQL migrations build exactly the database `prisma/schema.prisma`
// describes, and that the migrator behaves like `prisma migrate deploy`.
//
// Prisma's CLI cannot diff or migrate offline (no native schema engine), so nothing
// else checks the SQL against the schema. The expected shape comes from Prisma's own schema
// parser (the full DMMF, obtained through `prisma generate` with a throw-away generator: see
// loadDatamodel), the actual shape from information_schema / pg_catalog.

import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual, promisify } from "node:util";
import type { DMMF } from "@prisma/client/runtime/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../src/generated/prisma/client.ts";
import { type Database, openDatabase } from "../src/persistence/database.ts";
import { migrate } from "../src/persistence/migrator.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCHEMA_PATH = join(REPO_ROOT, "prisma", "schema.prisma");
const MIGRATIONS_DIR = join(REPO_ROOT, "prisma", "migrations");
const INIT_MIGRATION = join(MIGRATIONS_DIR, "20261121000000_init", "migration.sql");

/** What one table looks like, in the same terms whether read from the DMMF or the database. */
interface TableShape {
	columns: Record<string, { type: string; nullable: boolean; default: string | null }>;
	primaryKey: { name: string; columns: string[] } | null;
	/** Indexes other than the primary key's, by name. */
	indexes: Record<string, { unique: boolean; columns: string[]; method: string }>;
	foreignKeys: Record<
		string,
		{
			columns: string[];
			references: string;
			referencedColumns: string[];
			onDelete: string;
			onUpdate: string;
		}
	>;
}
type SchemaShape = Record<string, TableShape>;

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

// ---------------------------------------------------------------------------------------------
// Expected shape: from Prisma's DMMF, with Prisma's PostgreSQL conventions.

/** Prisma's default PostgreSQL types for each scalar (what `prisma migrate` writes without `@db.*`). */
const DEFAULT_TYPES: Record<string, string> = {
	String: "text",
	Int: "integer",
	BigInt: "bigint",
	Float: "double precision",
	Decimal: "numeric(65,30)",
	Boolean: "boolean",
	DateTime: "timestamp(3) without time zone",
	Json: "jsonb",
	Bytes: "bytea",
};

/** `@db.*` attributes, rendered as PostgreSQL's format_type() prints them. */
const NATIVE_TYPES: Record<string, (args: readonly string[]) => string> = {
	Timestamptz: ([p]) =>
		p === undefined ? "timestamp with time zone" : `timestamp(${p}) with time zone`,
	Timestamp: ([p]) =>
		p === undefined ? "timestamp without time zone" : `timestamp(${p}) without time zone`,
	Text: () => "text",
	VarChar: ([n]) => (n === undefined ? "character varying" : `character varying(${n})`),
	Uuid: () => "uuid",
	Integer: () => "integer",
	SmallInt: () => "smallint",
	BigInt: () => "bigint",
	JsonB: () => "jsonb",
	Json: () => "json",
	Date: () => "date",
};

const REFERENTIAL_ACTIONS: Record<string, string> = {
	Cascade: "CASCADE",
	Restrict: "RESTRICT",
	NoAction: "NO ACTION",
	SetNull: "SET NULL",
	SetDefault: "SET DEFAULT",
};

function expectedShape(dm: DMMF.Datamodel): SchemaShape {
	const modelsByName = new Map(dm.models.map((m) => [m.name, m]));
	const tableOf = (model: DMMF.Model) => model.dbName ?? model.name;
	const columnOf = (model: DMMF.Model, fieldName: string) => {
		const field = model.fields.find((f) => f.name === fieldName);
		if (!field) throw new Error(`${model.name}.${fieldName} not found in the DMMF`);
		return field.dbName ?? field.name;
	};

	const shape: SchemaShape = {};
	for (const model of dm.models) {
		const table = tableOf(model);
		const tableShape: TableShape = { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} };
		for (const field of model.fields) {
			if (field.kind === "object") continue;
			if (field.kind !== "scalar") {
				throw new Error(
					`${model.name}.${field.name}: ${field.kind} fields are not covered by this test yet`,
				);
			}
			const column = field.dbName ?? field.name;
			const type = expectedType(model, field);
			tableShape.columns[column] = {
				type,
				// Prisma never writes NOT NULL on PostgreSQL arrays, even for required lists.
				nullable: !field.isRequired || field.isList,
				default: expectedDefault(table, column, field, type),
			};
		}
		for (const index of dm.indexes.filter((i) => i.model === model.name)) {
			const columns = index.fields.map((f) => columnOf(model, f.name));
			if (index.type === "id") {
				tableShape.primaryKey = { name: index.dbName ?? defaultName(table, [], "pkey"), columns };
			} else if (index.type === "unique" || index.type === "normal") {
				const unique = index.type === "unique";
				const name = index.dbName ?? defaultName(table, columns, unique ? "key" : "idx");
				tableShape.indexes[name] = {
					unique,
					columns,
					method: index.algorithm?.toLowerCase() ?? "btree",
				};
			} else {
				throw new Error(`${model.name}: ${index.type} indexes are not covered by this test yet`);
			}
		}
		for (const field of model.fields) {
			if (field.kind !== "object" || !field.relationFromFields?.length) continue;
			const target = modelsByName.get(field.type);
			if (!target) throw new Error(`${model.name}.${field.name}: unknown model ${field.type}`);
			const columns = field.relationFromFields.map((f) => columnOf(model, f));
			// Prisma's defaults when the schema names no action: Restrict for a required relation,
			// SetNull for an optional one; updates cascade.
			const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
			const onUpdate = field.relationOnUpdate ?? "Cascade";
			tableShape.foreignKeys[defaultName(table, columns, "fkey")] = {
				columns,
				references: tableOf(target),
				referencedColumns: (field.relationToFields ?? []).map((f) => columnOf(target, f)),
				onDelete: REFERENTIAL_ACTIONS[onDelete] ?? onDelete,
				onUpdate: REFERENTIAL_ACTIONS[onUpdate] ?? onUpdate,
			};
		}
		shape[table] = tableShape;
	}
	return shape;
}

/** Prisma's constraint names: `{table}_{columns}_{suffix}`, cut to 63 bytes keeping the suffix. */
function defaultName(table: string, columns: readonly string[], suffix: string): string {
	const body = [table, ...columns].join("_");
	const full = `${body}_${suffix}`;
	return full.length <= 63 ? full : `${body.slice(0, 63 - suffix.length - 1)}_${suffix}`;
}

function expectedType(model: DMMF.Model, field: DMMF.Field): string {
	let base: string | undefined;
	if (field.nativeType) {
		const [name, args] = field.nativeType;
		base = NATIVE_TYPES[name]?.(args);
		if (!base)
			throw new Error(`${model.name}.${field.name}: @db.${name} is not mapped by this test yet`);
	} else {
		base = DEFAULT_TYPES[field.type];
		if (!base)
			throw new Error(
				`${model.name}.${field.name}: type ${field.type} is not mapped by this test yet`,
			);
	}
	return field.isList ? `${base}[]` : base;
}

/** The default as PostgreSQL prints it back (information_schema.columns.column_default). */
function expectedDefault(
	table: string,
	column: string,
	field: DMMF.Field,
	type: string,
): string | null {
	if (!field.hasDefaultValue) return null;
	const value = field.default;
	const unsupported = () =>
		new Error(
			`${table}.${column}: default ${JSON.stringify(value)} is not covered by this test yet`,
		);
	if (Array.isArray(value)) {
		if (value.length === 0) return `ARRAY[]::${type}`;
		throw unsupported();
	}
	if (typeof value === "object" && value !== null && "name" in value) {
		switch (value.name) {
			case "now":
				return "CURRENT_TIMESTAMP";
			case "autoincrement":
				return `nextval('${quoteIdent(`${table}_${column}_seq`)}'::regclass)`;
			case "dbgenerated":
				return String(value.args[0]);
			// Generated by Prisma Client, not by the database.
			case "uuid":
			case "cuid":
			case "ulid":
			case "nanoid":
				return null;
			default:
				throw unsupported();
		}
	}
	if (typeof value === "boolean") return String(value);
	// The DMMF carries BigInt defaults as strings ("0"); PostgreSQL prints them like numbers.
	if (field.type === "BigInt" && typeof value === "string" && /^-?\d+$/.test(value)) {
		return value.startsWith("-") ? `'${value}'::${type}` : value;
	}
	if (typeof value === "number") return value < 0 ? `'${value}'::${type}` : String(value);
	if (typeof value === "string") return `'${value.replaceAll("'", "''")}'::${type}`;
	throw unsupported();
}

function quoteIdent(name: string): string {
	return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

// ---------------------------------------------------------------------------------------------
// Actual shape: from the database catalogs.

const ACTION_CODES: Record<string, string> = {
	a: "NO ACTION",
	r: "RESTRICT",
	c: "CASCADE",
	n: "SET NULL",
	d: "SET DEFAULT",
};

async function readDatabaseShape(db: Database, schema: string): Promise<SchemaShape> {
	const shape: SchemaShape = {};
	const tables = await db.sql.query<{ table_name: string }>(
		`SELECT table_name FROM information_schema.tables
		  WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
		[schema],
	);
	for (const { table_name } of tables) {
		shape[table_name] = { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} };
	}
	const table = (name: string): TableShape => {
		const found = shape[name];
		if (!found) throw new Error(`unexpected relation ${name}`);
		return found;
	};

	const columns = await db.sql.query<{
		table_name: string;
		column_name: string;
		is_nullable: "YES" | "NO";
		column_default: string | null;
		type: string;
	}>(
		`SELECT c.table_name, c.column_name, c.is_nullable, c.column_default,
		        format_type(a.atttypid, a.atttypmod) AS type
		   FROM information_schema.columns c
		   JOIN pg_namespace n ON n.nspname = c.table_schema
		   JOIN pg_class t ON t.relnamespace = n.oid AND t.relname = c.table_name
		   JOIN pg_attribute a ON a.attrelid = t.oid AND a.attname = c.column_name
		  WHERE c.table_schema = $1 AND c.table_name <> '_prisma_migrations'`,
		[schema],
	);
	// Outside the search path PostgreSQL qualifies sequence names in defaults (the drift test's
	// scratch schema); the schema name is not part of what schema.prisma describes.
	const qualifier = `${quoteIdent(schema)}.`;
	for (const c of columns) {
		if (!shape[c.table_name]) continue; // a view's columns
		table(c.table_name).columns[c.column_name] = {
			type: c.type,
			nullable: c.is_nullable === "YES",
			default: c.column_default?.replaceAll(`'${qualifier}`, "'") ?? null,
		};
	}

	const constraints = await db.sql.query<{
		table_name: string;
		name: string;
		type: "p" | "f";
		columns: string[];
		referenced_table: string | null;
		referenced_columns: string[] | null;
		on_delete: string;
		on_update: string;
	}>(
		`SELECT t.relname AS table_name, con.conname AS name, con.contype::text AS type,
		        (SELECT json_agg(a.attname ORDER BY k.ord)
		           FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
		           JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
		        rt.relname AS referenced_table,
		        (SELECT json_agg(a.attname ORDER BY k.ord)
		           FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
		           JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS referenced_columns,
		        con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
		   FROM pg_constraint con
		   JOIN pg_class t ON t.oid = con.conrelid
		   JOIN pg_namespace n ON n.oid = t.relnamespace
		   LEFT JOIN pg_class rt ON rt.oid = con.confrelid
		  WHERE n.nspname = $1 AND con.contype IN ('p', 'f') AND t.relname <> '_prisma_migrations'`,
		[schema],
	);
	for (const c of constraints) {
		if (c.type === "p") {
			table(c.table_name).primaryKey = { name: c.name, columns: c.columns };
		} else {
			table(c.table_name).foreignKeys[c.name] = {
				columns: c.columns,
				references: c.referenced_table ?? "?",
				referencedColumns: c.referenced_columns ?? [],
				onDelete: ACTION_CODES[c.on_delete] ?? c.on_delete,
				onUpdate: ACTION_CODES[c.on_update] ?? c.on_update,
			};
		}
	}

	const indexes = await db.sql.query<{
		table_name: string;
		name: string;
		is_unique: boolean;
		method: string;
		columns: string[];
	}>(
		`SELECT t.relname AS table_name, i.relname AS name, ix.indisunique AS is_unique, am.amname AS method,
		        (SELECT json_agg(a.attname ORDER BY k.ord)
		           FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
		           JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum) AS columns
		   FROM pg_index ix
		   JOIN pg_class i ON i.oid = ix.indexrelid
		   JOIN pg_class t ON t.oid = ix.indrelid
		   JOIN pg_namespace n ON n.oid = t.relnamespace
		   JOIN pg_am am ON am.oid = i.relam
		  WHERE n.nspname = $1 AND NOT ix.indisprimary AND t.relname <> '_prisma_migrations'`,
		[schema],
	);
	for (const i of indexes) {
		table(i.table_name).indexes[i.name] = {
			unique: i.is_unique,
			columns: i.columns,
			method: i.method,
		};
	}
	return shape;
}

/**
 * Every leaf where the two shapes differ, as `Table.kind.name.attribute: …` lines. Arrays
 * (column lists) are compared whole: their order matters.
 */
function diffShapes(expected: unknown, actual: unknown, path = ""): string[] {
	const isRecord = (v: unknown): v is Record<string, unknown> =>
		typeof v === "object" && v !== null && !Array.isArray(v);
	if (isRecord(expected) && isRecord(actual)) {
		const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
		return keys.flatMap((key) => {
			const at = path ? `${path}.${key}` : key;
			if (!(key in actual)) return [`${at}: missing in the database`];
			if (!(key in expected)) return [`${at}: in the database but not in schema.prisma`];
			return diffShapes(expected[key], actual[key], at);
		});
	}
	if (isDeepStrictEqual(expected, actual)) return [];
	return [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

// ---------------------------------------------------------------------------------------------
// Sources of truth.

interface RuntimeField {
	name: string;
	kind: string;
	type: string;
	relationName?: string | null;
	dbName?: string | null;
}
interface RuntimeDataModel {
	models: Record<string, { dbName: string | null; fields: RuntimeField[] }>;
}

/**
 * The data model the generated client runs with. Prisma 7 keeps it on the client instance only
 * (`_runtimeDataModel`, parsed from `internal/class.ts`); it is not part of the public API.
 */
function runtimeDataModel(client: Database["prisma"]): RuntimeDataModel {
	const model = (client as unknown as { _runtimeDataModel?: RuntimeDataModel })._runtimeDataModel;
	if (!model) throw new Error("PrismaClient has no _runtimeDataModel: Prisma's internals changed");
	return model;
}

/**
 * The full DMMF of schema.prisma, straight from Prisma's schema parser. Prisma 7's generated
 * client has no `Prisma.dmmf` and `@prisma/internals` (getDMMF) is not installed, but every
 * generator receives the DMMF over Prisma's generator protocol (JSON-RPC on stdin/stderr). So we
 * run `prisma generate` on a copy of the schema whose only generator writes that DMMF to a file.
 * `generate` works offline when PRISMA_SCHEMA_ENGINE_BINARY points at any file (see
 * scripts/prisma-generate.mjs).
 */
async function loadDatamodel(): Promise<DMMF.Datamodel> {
	const dir = await mkdtemp(join(tmpdir(), "cossistant-dmmf-"));
	try {
		const generator = join(dir, "dump-dmmf.mjs");
		const stub = join(dir, "schema-engine-stub");
		const output = join(dir, "out");
		const schemaCopy = join(dir, "schema.prisma");
		await writeFile(generator, DUMP_DMMF_GENERATOR);
		await writeFile(stub, "#!/bin/sh\nexit 1\n", { mode: 0o755 });
		for (const path of [process.execPath, generator, output]) {
			if (/['"\\]/.test(path))
				throw new Error(`cannot quote path ${path} for the generator command`);
		}
		const schema = (await readFile(SCHEMA_PATH, "utf8")).replace(
			/^generator\s+\w+\s*\{[^}]*\}/gm,
			"",
		);
		await writeFile(
			schemaCopy,
			`${schema}\ngenerator dmmf {\n  provider = "'${process.execPath}' '${generator}'"\n  output   = "${output}"\n}\n`,
		);
		const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
		try {
			await promisify(execFile)(process.execPath, [cli, "generate", "--schema", schemaCopy], {
				cwd: REPO_ROOT,
				env: {
					...process.env,
					PRISMA_SCHEMA_ENGINE_BINARY: stub,
					PRISMA_HIDE_UPDATE_MESSAGE: "1",
					CHECKPOINT_DISABLE: "1",
				},
			});
		} catch (error) {
			const { stdout, stderr } = error as { stdout?: string; stderr?: string };
			throw new Error(`prisma generate (DMMF dump) failed:\n${stdout ?? ""}\n${stderr ?? ""}`, {
				cause: error,
			});
		}
		return JSON.parse(await readFile(join(output, "datamodel.json"), "utf8")) as DMMF.Datamodel;
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

const DUMP_DMMF_GENERATOR = `import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
// Prisma's generator protocol: JSON-RPC requests on stdin, replies on stderr, one per line.
const reply = (id, result) => process.stderr.write(JSON.stringify({ jsonrpc: "2.0", id, result }) + "\\n");
createInterface({ input: process.stdin }).on("line", (line) => {
	const message = JSON.parse(line);
	if (message.method === "getManifest") {
		reply(message.id, { manifest: { prettyName: "DMMF dump", requiresEngines: [] } });
	} else if (message.method === "generate") {
		const output = message.params.generator.output.value;
		mkdirSync(output, { recursive: true });
		writeFileSync(join(output, "datamodel.json"), JSON.stringify(message.params.dmmf.datamodel));
		reply(message.id, null);
	}
});
`;

/** Names of the migration folders, sorted like the migrator sorts them. */
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
