import { isDeepStrictEqual } from "node:util";
import type { Database } from "../../src/persistence/database.ts";

// The shape of a database schema (tables, columns, keys, indexes, relations), in the same terms
// whether derived from schema.prisma (schema-expected.ts) or read from a migrated database (here).

/** What one table looks like, in the same terms whether read from the DMMF or the database. */
export interface TableShape {
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
export type SchemaShape = Record<string, TableShape>;

export function quoteIdent(name: string): string {
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

export async function readDatabaseShape(db: Database, schema: string): Promise<SchemaShape> {
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
export function diffShapes(expected: unknown, actual: unknown, path = ""): string[] {
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
