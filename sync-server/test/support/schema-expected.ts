import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { DMMF } from "@prisma/client/runtime/client";
import type { Database } from "../../src/persistence/database.ts";
import { quoteIdent, type SchemaShape, type TableShape } from "./schema-shape.ts";

// What schema.prisma implies under Prisma's PostgreSQL conventions, and the sources of that truth
// (the DMMF from Prisma's schema parser, the generated client's runtime data model).

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SCHEMA_PATH = join(REPO_ROOT, "prisma", "schema.prisma");

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

export function expectedShape(dm: DMMF.Datamodel): SchemaShape {
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

// ---------------------------------------------------------------------------------------------
// Sources of truth.

export interface RuntimeField {
	name: string;
	kind: string;
	type: string;
	relationName?: string | null;
	dbName?: string | null;
}
export interface RuntimeDataModel {
	models: Record<string, { dbName: string | null; fields: RuntimeField[] }>;
}

/**
 * The data model the generated client runs with. Prisma 7 keeps it on the client instance only
 * (`_runtimeDataModel`, parsed from `internal/class.ts`); it is not part of the public API.
 */
export function runtimeDataModel(client: Database["prisma"]): RuntimeDataModel {
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
export async function loadDatamodel(): Promise<DMMF.Datamodel> {
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
