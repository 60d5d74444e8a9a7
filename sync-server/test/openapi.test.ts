// The OpenAPI 3.1 document at /v1/openapi.json: it lists exactly the routes Express mounts
// (walked from the router stack), its structure is valid (operations, responses, parameters,
// security, resolvable $refs) and every error is the one shared `{ error: { code, message,
// details? } }` shape, which live error responses of the server match too.

import {
	API_ERROR_CODES,
	apiErrorBodySchema,
	loginResponseSchema,
	setupStatusResponseSchema,
} from "@cossistant/types";
import express from "express";
import * as v from "valibot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toOpenApiPath } from "../src/http/openapi/document.ts";
import { type MountedRoute, mountedRoutes } from "../src/http/openapi/mounted-routes.ts";
import type { SyncServer } from "../src/server.ts";
import { rest } from "./support/rest.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { startTestServer } from "./support/test-server.ts";

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked as plain JSON
type Json = any;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** `METHOD /path` of every operation in the document. */
function documentedOperations(doc: Json): string[] {
	return Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
		Object.keys(item)
			.filter((key) => METHODS.includes(key))
			.map((method) => `${method.toUpperCase()} ${path}`),
	);
}

function asOperations(routes: readonly MountedRoute[]): string[] {
	return [...new Set(routes.map((r) => `${r.method.toUpperCase()} ${toOpenApiPath(r.path)}`))];
}

/** Every `$ref` anywhere in `value`. */
function refsIn(value: Json, found: string[] = []): string[] {
	if (Array.isArray(value)) for (const item of value) refsIn(item, found);
	else if (value && typeof value === "object") {
		for (const [key, child] of Object.entries(value)) {
			if (key === "$ref" && typeof child === "string") found.push(child);
			else refsIn(child, found);
		}
	}
	return found;
}

describe.each(testDatabaseTargets())("OpenAPI document on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let doc: Json;

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
		const response = await rest(server, "GET", "/openapi.json");
		expect(response.status).toBe(200);
		expect(response.headers.get("content-type")).toMatch(/^application\/json/);
		doc = response.body;
	});
	afterAll(async () => {
		await server.stop();
		await database.drop();
	});

	it("lists exactly the routes the server mounts", () => {
		const mounted = asOperations(mountedRoutes(server.app));
		const documented = documentedOperations(doc);
		// Sanity: the walk sees nested routers and the root app.
		expect(mounted).toEqual(expect.arrayContaining(["GET /healthz", "POST /v1/auth/login"]));
		expect(mounted.filter((op) => !documented.includes(op))).toEqual([]);
		expect(documented.filter((op) => !mounted.includes(op))).toEqual([]);
	});

	it("would notice an undocumented route (the comparison is not vacuous)", () => {
		const app = express();
		const v1 = express.Router();
		v1.get("/websites", () => {});
		v1.post("/secret/backdoor/:id", () => {});
		app.use("/v1", v1);
		const documented = documentedOperations(doc);
		expect(asOperations(mountedRoutes(app)).filter((op) => !documented.includes(op))).toEqual([
			"POST /v1/secret/backdoor/{id}",
		]);
	});

	it("is a structurally valid OpenAPI 3.1 document", () => {
		expect(doc.openapi).toBe("3.1.0");
		expect(typeof doc.info.title).toBe("string");
		expect(typeof doc.info.version).toBe("string");
		const schemes = Object.keys(doc.components.securitySchemes);
		const operationIds = new Set<string>();
		for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
			expect(path.startsWith("/")).toBe(true);
			expect(path).not.toMatch(/:/);
			const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
			for (const [method, operation] of Object.entries(item as Record<string, Json>)) {
				expect(METHODS).toContain(method);
				const where = `${method.toUpperCase()} ${path}`;
				expect(operation.operationId, where).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
				expect(operationIds.has(operation.operationId), where).toBe(false);
				operationIds.add(operation.operationId);
				expect(operation.summary, where).toBeTruthy();

				const pathParams = (operation.parameters ?? []).filter((p: Json) => p.in === "path");
				expect(pathParams.map((p: Json) => p.name).sort(), where).toEqual([...templated].sort());
				for (const p of pathParams) expect(p.required, where).toBe(true);
				for (const requirement of operation.security) {
					for (const name of Object.keys(requirement)) expect(schemes, where).toContain(name);
				}

				const statuses = Object.keys(operation.responses);
				expect(
					statuses.some((s) => /^2\d\d$/.test(s)),
					where,
				).toBe(true);
				expect(statuses, where).toEqual(expect.arrayContaining(["429", "500"]));
				for (const status of statuses) {
					const response = operation.responses[status];
					expect(response.description, `${where} ${status}`).toBeTruthy();
					if (/^[45]\d\d$/.test(status) && !(path === "/healthz" && status === "503")) {
						expect(response.content["application/json"].schema, `${where} ${status}`).toEqual({
							$ref: "#/components/schemas/ApiError",
						});
					}
				}
				if (operation.requestBody) {
					expect(operation.requestBody.content["application/json"].schema.$ref, where).toMatch(
						/^#\/components\/schemas\//,
					);
					expect(statuses, where).toContain("400");
				}
			}
		}
	});

	it("resolves every $ref and describes every component", () => {
		const components = doc.components.schemas as Record<string, Json>;
		for (const ref of refsIn(doc)) {
			const name = ref.replace("#/components/schemas/", "");
			expect(ref.startsWith("#/components/schemas/"), ref).toBe(true);
			expect(components[name], ref).toBeDefined();
		}
		for (const [name, schema] of Object.entries(components)) {
			expect(Object.keys(schema).length, name).toBeGreaterThan(0);
			expect(schema.$schema, name).toBeUndefined();
		}
		// Request bodies describe what is accepted: strict bodies forbid unknown fields.
		expect(components.CreateApiKeyRequest).toMatchObject({
			type: "object",
			additionalProperties: false,
			required: expect.arrayContaining(["name", "kind", "environment"]),
		});
		expect(components.CreateApiKeyRequest.properties.kind.enum).toEqual(["public", "private"]);
	});

	it("says identify's image is a URL (a check in the schema, documented as format: uri)", () => {
		const body = doc.paths["/v1/contacts/identify"].post.requestBody.content["application/json"];
		const schema = body.schema.$ref
			? doc.components.schemas[body.schema.$ref.split("/").pop()]
			: body.schema;
		expect(schema.properties.image).toMatchObject({ type: "string", format: "uri" });
	});

	it("documents the rules that follow a normalizing step (parts, origins, capped URLs)", () => {
		const components = doc.components.schemas as Record<string, Json>;
		// Parts are renamed from a legacy shape before the variant decides: the variant is documented.
		const parts = components.PostMessageRequest.properties.parts;
		expect(parts).toMatchObject({ type: "array", minItems: 1 });
		expect(parts.items.oneOf.map((part: Json) => part.properties.type.const)).toEqual([
			"text",
			"image",
			"file",
		]);
		// Origins are lower-cased and stripped of a trailing slash, then checked.
		expect(components.UpdateWebsiteSettingsRequest.properties.allowedOrigins.items).toMatchObject({
			type: "string",
			maxLength: 255,
			pattern: expect.stringContaining("https?"),
		});
		// A URL is cleaned of stray tabs and newlines, then capped.
		expect(components.CreateAiAgentRequest.properties.image).toMatchObject({
			type: "string",
			format: "uri",
			maxLength: 2048,
		});
		expect(components.LoginRequest.properties.email).toMatchObject({ format: "email" });
	});

	it("declares responses closed: what the server sends has no other fields", () => {
		const components = doc.components.schemas as Record<string, Json>;
		expect(components.LoginResponse).toMatchObject({ type: "object", additionalProperties: false });
		expect(components.ConversationResponse.properties.conversation).toMatchObject({
			additionalProperties: false,
			required: expect.arrayContaining(["id", "status", "createdAt"]),
		});
		expect(
			components.ConversationResponse.properties.conversation.properties.createdAt,
		).toMatchObject({ type: "string", format: "date-time" });
	});

	it("declares the one error shape with every stable code", () => {
		const error = doc.components.schemas.ApiError;
		expect(error.type).toBe("object");
		expect(error.required).toEqual(["error"]);
		const inner = error.properties.error;
		expect(inner.required.sort()).toEqual(["code", "message"]);
		expect(inner.properties.code.enum).toEqual([...API_ERROR_CODES]);
		expect(inner.properties.message.type).toBe("string");
		expect(Object.keys(inner.properties).sort()).toEqual(["code", "details", "message"]);
	});

	it("matches what the server answers, errors included", async () => {
		expect(v.parse(setupStatusResponseSchema, (await rest(server, "GET", "/setup")).body)).toEqual({
			needsSetup: false,
		});
		const login = await rest(server, "POST", "/auth/login", {
			body: { email: server.demo?.agentEmail, password: server.demo?.agentPassword },
		});
		v.parse(loginResponseSchema, login.body);

		const failures = await Promise.all([
			rest(server, "GET", "/no/such/route"),
			rest(server, "GET", "/auth/me"),
			rest(server, "POST", "/auth/login", { body: { email: "nope" } }),
			rest(server, "GET", "/websites"),
			rest(server, "PATCH", "/support/feature-flags", { token: "pk_test_x".padEnd(30, "x") }),
			rest(server, "GET", "/websites/x/settings", { token: login.body.token }),
		]);
		expect(failures.map((f) => f.status)).toEqual([404, 401, 400, 401, 403, 404]);
		for (const failure of failures) {
			expect(v.safeParse(apiErrorBodySchema, failure.body).success, failure.text).toBe(true);
		}
	});
});
