import {
	apiErrorBodySchema,
	EMAIL_PATTERN,
	HEADERS,
	httpUrlSchema,
	ISO_DATE_TIME_PATTERN,
} from "@cossistant/types";
import {
	type ConversionConfig,
	type JsonSchema,
	type OverrideSchemaContext,
	toJsonSchemaDefs,
} from "@valibot/to-json-schema";
import type * as v from "valibot";
import { inputView } from "./input-view.ts";
import type { NamedSchema, OperationDoc } from "./operation.ts";

type JsonObject = Record<string, unknown>;

/** Statuses every operation may answer, whatever it does. */
const ALWAYS: Record<number, string> = {
	429: "`rate_limited`: too many requests from this address (see Retry-After).",
	500: "`internal_error`: something went wrong on the server.",
};

const SECURITY_SCHEMES = {
	session: {
		type: "http",
		scheme: "bearer",
		bearerFormat: "st_…",
		description: "An agent session token from `POST /v1/auth/login`.",
	},
	privateKey: {
		type: "http",
		scheme: "bearer",
		bearerFormat: "sk_live_… / sk_test_…",
		description: "A private key, from servers only (never in a browser).",
	},
	publicKey: {
		type: "apiKey",
		in: "header",
		name: HEADERS.publicKey,
		description: "A public key (pk_live_… / pk_test_…), only from the website's allowed origins.",
	},
	visitorToken: {
		type: "apiKey",
		in: "header",
		name: HEADERS.visitorToken,
		description:
			"The signed visitor token `GET /v1/websites` returned. It expires " +
			"(401 `visitor_token_expired`): send it to `GET /v1/websites` for a fresh one.",
	},
} as const;

/** `/v1/websites/:websiteId` → `/v1/websites/{websiteId}` (OpenAPI's path template syntax). */
export function toOpenApiPath(expressPath: string): string {
	return expressPath.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

/**
 * Builds the OpenAPI 3.1 document of `operations`. Request and response bodies are JSON Schema
 * 2020-12 (OpenAPI 3.1's dialect) generated from the same valibot schemas the routes parse with
 * and answer with, so the document cannot drift from validation. Request schemas describe what is
 * accepted (a schema's input side), response schemas what is sent (its output side).
 */
export function buildOpenApiDocument(operations: readonly OperationDoc[]): JsonObject {
	const requests = collect(operations.flatMap((op) => (op.requestBody ? [op.requestBody] : [])));
	const responses = collect(
		operations.flatMap((op) => op.responses.flatMap((r) => (r.body ? [r.body] : []))),
	);
	responses.set("ApiError", apiErrorBodySchema);
	const schemas = {
		...componentSchemas(requests, "input"),
		...componentSchemas(responses, "output"),
	};

	const paths: Record<string, Record<string, JsonObject>> = {};
	for (const op of operations) {
		const path = toOpenApiPath(op.path);
		paths[path] ??= {};
		(paths[path] as Record<string, JsonObject>)[op.method] = toOperation(op);
	}
	return {
		openapi: "3.1.0",
		info: {
			title: "Cossistant sync-server API",
			version: "1.0.0",
			description:
				"REST API of the local-first support platform. Every error is " +
				"`{ error: { code, message, details? } }` with a stable `code`.",
		},
		servers: [{ url: "/" }],
		tags: [...new Set(operations.map((op) => op.tag))].map((name) => ({ name })),
		paths,
		components: { schemas, securitySchemes: SECURITY_SCHEMES },
	};
}

function collect(named: readonly NamedSchema[]): Map<string, v.GenericSchema> {
	const byName = new Map<string, v.GenericSchema>();
	for (const { name, schema } of named) {
		const known = byName.get(name);
		if (known && known !== schema) throw new Error(`two different schemas are named ${name}`);
		byName.set(name, schema);
	}
	return byName;
}

/**
 * URLs are checked by a `check` in `httpUrlSchema`'s pipe (smaller in the widget than a URL
 * parser's rules spelled out, see http-url.ts), which JSON Schema cannot express: say in the
 * document what it checks. Its actions are recognized wherever the schema is used (optional,
 * nullable, with a length cap), as converting a pipe visits its actions.
 */
const HTTP_URL_ACTIONS: ReadonlySet<unknown> = new Set(httpUrlSchema.pipe.slice(1));

function componentSchemas(
	byName: ReadonlyMap<string, v.GenericSchema>,
	typeMode: "input" | "output",
): Record<string, JsonObject> {
	const config: Omit<ConversionConfig, "definitions"> = {
		target: "draft-2020-12",
		typeMode,
		// What JSON Schema cannot say (a transform, a check function) is left out instead of throwing.
		errorMode: "ignore",
		overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}`,
		overrideAction: ({ valibotAction, jsonSchema }) => {
			if (HTTP_URL_ACTIONS.has(valibotAction)) return { ...jsonSchema, format: "uri" };
			const format = formatOfPattern(valibotAction);
			return format ? { ...jsonSchema, format } : null;
		},
		overrideSchema: (context) => objectSchema(context, typeMode),
	};
	// One memo for every component: a component inside another stays the same object, a `$ref`.
	const memo = new Map<unknown, v.GenericSchema>();
	const definitions = Object.fromEntries(
		[...byName].map(([id, schema]) => [
			id,
			typeMode === "input" ? inputView(schema, memo) : schema,
		]),
	);
	const schemas = toJsonSchemaDefs(definitions, config);
	return Object.fromEntries(
		Object.entries(schemas).map(([id, schema]) => {
			const { $schema: _dialect, $id: _id, ...rest } = schema as JsonObject;
			return [id, rest];
		}),
	);
}

/** Formats of the patterns the wire schemas check emails and timestamps with. */
const PATTERN_FORMATS: ReadonlyMap<string, string> = new Map([
	[EMAIL_PATTERN.source, "email"],
	[ISO_DATE_TIME_PATTERN.source, "date-time"],
]);

function formatOfPattern(action: { type: string }): string | undefined {
	if (action.type !== "regex" || !("requirement" in action)) return undefined;
	const { requirement } = action;
	return requirement instanceof RegExp ? PATTERN_FORMATS.get(requirement.source) : undefined;
}

/**
 * Objects without required fields say nothing of them (no `required: []`). What the server sends
 * is the output of an object schema, which drops unknown keys: no other property ever appears
 * (`additionalProperties: false`), and a field with a default is always there (required).
 */
function objectSchema(
	{ valibotSchema, jsonSchema }: OverrideSchemaContext,
	typeMode: "input" | "output",
): JsonSchema | null {
	let result = jsonSchema;
	if (typeMode === "output" && valibotSchema.type === "object" && "entries" in valibotSchema) {
		const entries = valibotSchema.entries as Record<string, { type: string; default?: unknown }>;
		const required = Object.keys(entries).filter((key) => {
			const entry = entries[key] as { type: string; default?: unknown };
			const optional =
				entry.type === "optional" || entry.type === "exact_optional" || entry.type === "nullish";
			return !optional || entry.default !== undefined;
		});
		result = { ...result, required, additionalProperties: false };
	}
	if (Array.isArray(result.required) && result.required.length === 0) {
		const { required: _none, ...rest } = result;
		result = rest;
	}
	return result === jsonSchema ? null : result;
}

function ref(name: string): JsonObject {
	return { $ref: `#/components/schemas/${name}` };
}

function toOperation(op: OperationDoc): JsonObject {
	const pathParams = [...op.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
	const parameters = [
		...pathParams.map((name) => ({
			name,
			in: "path",
			required: true,
			schema: { type: "string", pattern: "^[A-Za-z0-9_-]{1,64}$" },
		})),
		...(op.headers ?? []).map((h) => ({
			name: h.name,
			in: "header",
			required: h.required ?? false,
			description: h.description,
			schema: { type: "string" },
		})),
	];
	const errors: Record<number, string> = {};
	if (op.requestBody) errors[400] = "`validation_failed` / `bad_request`: the body is invalid.";
	if (op.security.length > 0) {
		errors[401] = "Missing, unknown, revoked or expired credentials (see `code`).";
	}
	if (pathParams.length > 0) errors[404] = "`not_found`: no such resource for you.";
	Object.assign(errors, ALWAYS, op.errors);
	const responses: Record<string, JsonObject> = {};
	for (const success of op.responses) {
		responses[String(success.status)] = {
			description: success.description,
			...(success.body
				? { content: { "application/json": { schema: ref(success.body.name) } } }
				: {}),
		};
	}
	for (const [status, description] of Object.entries(errors)) {
		responses[status] = {
			description,
			...(status === "429"
				? { headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds." } } }
				: {}),
			content: { "application/json": { schema: ref("ApiError") } },
		};
	}
	return {
		operationId: op.operationId,
		tags: [op.tag],
		summary: op.summary,
		...(op.description ? { description: op.description } : {}),
		security: op.security.map((requirement) =>
			Object.fromEntries([requirement].flat().map((name) => [name, []])),
		),
		...(parameters.length > 0 ? { parameters } : {}),
		...(op.requestBody
			? {
					requestBody: {
						required: true,
						content: { "application/json": { schema: ref(op.requestBody.name) } },
					},
				}
			: {}),
		responses,
	};
}
