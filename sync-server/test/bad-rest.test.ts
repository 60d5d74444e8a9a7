// Broken REST requests and a wrong environment: refused with a stable code and the same JSON
// shape, leaving the next good request unaffected.

import { apiErrorBodySchema } from "@cossistant/types";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";
import { ServerFixture } from "./support/server-fixture.ts";
import { testDatabaseTargets } from "./support/test-database.ts";

describe.each(testDatabaseTargets())("bad REST requests on $name", (target) => {
	const fx = ServerFixture.use(target);

	describe("REST", () => {
		async function post(path: string, body: string, contentType = "application/json") {
			const response = await fetch(`${fx.server.apiUrl}${path}`, {
				method: "POST",
				headers: { "content-type": contentType },
				body,
			});
			return { status: response.status, body: v.parse(apiErrorBodySchema, await response.json()) };
		}

		it("answers an unreadable JSON body with 400 bad_request", async () => {
			const { status, body } = await post(
				"/auth/login",
				'{"email": "admin@example.com", "password": ',
			);
			expect(status).toBe(400);
			expect(body.error.code).toBe("bad_request");
			expect(body.error.message).not.toMatch(/SyntaxError|at .*\.js/);
		});

		it("answers a body that fails validation with 400 validation_failed and the fields", async () => {
			const { status, body } = await post(
				"/auth/login",
				JSON.stringify({ email: "not-an-email", password: 42 }),
			);
			expect(status).toBe(400);
			expect(body.error.code).toBe("validation_failed");
			const paths = (body.error.details as Array<{ path: string; message: string }>).map(
				(d) => d.path,
			);
			expect(paths.sort()).toEqual(["email", "password"]);

			const noBody = await post("/auth/login", "email=a@b.c", "text/plain");
			expect(noBody.status).toBe(400);
			expect(noBody.body.error.code).toBe("validation_failed");
		});

		it("answers a body over the size limit with 413 payload_too_large", async () => {
			const { status, body } = await post(
				"/auth/login",
				JSON.stringify({ email: "a@example.com", password: "x".repeat(300 * 1024) }),
			);
			expect(status).toBe(413);
			expect(body.error.code).toBe("payload_too_large");
		});

		it("answers unknown routes with 404 not_found in the same JSON shape", async () => {
			for (const [method, path] of [
				["GET", "/v1/no-such-route"],
				["DELETE", "/v1/websites"],
				["GET", "/no-such-page"],
			] as const) {
				const response = await fetch(`${fx.server.url}${path}`, { method });
				expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
				expect(v.parse(apiErrorBodySchema, await response.json()).error.code).toBe("not_found");
			}
		});

		it("answers a wrong password and an unknown email alike with 401 invalid_credentials", async () => {
			const wrong = await post(
				"/auth/login",
				JSON.stringify({ email: fx.server.demo?.agentEmail, password: "definitely-not-it" }),
			);
			expect(wrong.status).toBe(401);
			expect(wrong.body.error.code).toBe("invalid_credentials");

			const unknown = await post(
				"/auth/login",
				JSON.stringify({ email: "nobody@example.com", password: "definitely-not-it" }),
			);
			expect(unknown.status).toBe(401);
			expect(unknown.body.error).toEqual(wrong.body.error);
		});
	});
});

describe("configuration", () => {
	function configErrorOf(env: Record<string, string>): ConfigError {
		try {
			loadConfig(env);
		} catch (error) {
			expect(error).toBeInstanceOf(ConfigError);
			return error as ConfigError;
		}
		throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
	}

	it.each([
		["PORT", "abc"],
		["PORT", "70000"],
		["DATABASE_URL", "mysql://x"],
		["LOG_LEVEL", "loud"],
		["WS_MAX_PAYLOAD", "10"],
		["SEED_DEMO", "maybe"],
		["AUTH_SECRET", "too-short"],
	])("refuses %s=%s with a message naming the variable", (name, value) => {
		const error = configErrorOf({ [name]: value });
		expect(error.message).toContain(name);
		expect(error.message).toContain(JSON.stringify(value));
	});

	it("names every wrong variable at once", () => {
		const error = configErrorOf({ PORT: "abc", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
		for (const name of ["PORT", "DATABASE_URL", "LOG_LEVEL"]) expect(error.message).toContain(name);
	});
});
