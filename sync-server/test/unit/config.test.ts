// The environment as the server reads it: defaults for what is unset (or empty), strings turned
// into the numbers and booleans they spell, and every wrong variable named with its value.

import { DEFAULT_UPLOAD_MAX_BYTES } from "@cossistant/types";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";

function errorOf(env: Record<string, string>): string {
	try {
		loadConfig(env);
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return (error as ConfigError).message;
	}
	throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe("loadConfig", () => {
	it("fills in the defaults", () => {
		const config = loadConfig({});
		expect(config).toMatchObject({
			port: 4000,
			host: "127.0.0.1",
			publicUrl: undefined,
			redisUrl: undefined,
			database: { kind: "pglite" },
			authSecret: undefined,
			logLevel: "info",
			seedDemo: true,
			sessionTtlMs: 24 * 30 * 3_600_000,
			visitorTokens: { ttlMs: 30 * 86_400_000, graceMs: 30 * 86_400_000 },
			wsMaxPayload: 1024 * 1024,
			compactionThreshold: 200,
			trustProxy: false,
			uploads: { maxBytes: DEFAULT_UPLOAD_MAX_BYTES, visitorDailyBytes: 100 * 1024 * 1024 },
		});
		// An empty variable counts as unset.
		expect(loadConfig({ PORT: "", HOST: "", SEED_DEMO: "" })).toMatchObject({
			port: 4000,
			host: "127.0.0.1",
			seedDemo: true,
		});
	});

	it("reads numbers and booleans from their strings", () => {
		expect(loadConfig({ PORT: " 8080 ", SEED_DEMO: "0" })).toMatchObject({
			port: 8080,
			seedDemo: false,
		});
		expect(loadConfig({ SEED_DEMO: "1" }).seedDemo).toBe(true);
		expect(loadConfig({ SEED_DEMO: "false" }).seedDemo).toBe(false);
		expect(loadConfig({ PORT: "1e3" }).port).toBe(1000);
		expect(
			loadConfig({ VISITOR_TOKEN_TTL_DAYS: "0.5", VISITOR_TOKEN_GRACE_DAYS: "0" }).visitorTokens,
		).toEqual({ ttlMs: 43_200_000, graceMs: 0 });
		expect(
			loadConfig({ DATABASE_URL: "postgres://u@h/db", DATABASE_POOL_SIZE: "5" }).database,
		).toEqual({ kind: "postgres", url: "postgres://u@h/db", poolSize: 5 });
		expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
		expect(loadConfig({ TRUST_PROXY: "loopback" }).trustProxy).toBe("loopback");
	});

	it("trims PUBLIC_URL and drops the tabs and newlines the URL parser ignores", () => {
		expect(loadConfig({ PUBLIC_URL: " https://support.example.com/a\tb " }).publicUrl).toBe(
			"https://support.example.com/ab",
		);
	});

	it.each([
		["PORT", "abc"],
		["PORT", "1.5"],
		["PORT", "-1"],
		["VISITOR_TOKEN_TTL_DAYS", "0"],
		["VISITOR_TOKEN_TTL_DAYS", "Infinity"],
		["COMPACTION_THRESHOLD", "9007199254740993"],
		["UPLOAD_MAX_BYTES", "1023"],
		["PUBLIC_URL", "nope"],
		["REDIS_URL", "http://h"],
	])("refuses %s=%s, naming it once", (name, value) => {
		const message = errorOf({ [name]: value });
		expect(message.split(`${name}=${JSON.stringify(value)}:`)).toHaveLength(2);
	});

	it("keeps the messages it gives itself", () => {
		expect(errorOf({ DATABASE_URL: "mysql://x" })).toContain(
			'DATABASE_URL="mysql://x": must be a postgres:// or postgresql:// URL',
		);
		expect(errorOf({ AUTH_SECRET: "short" })).toContain(
			'AUTH_SECRET="short": must be at least 32 characters',
		);
		expect(
			errorOf({ HTTP_HEADERS_TIMEOUT_MS: "200000", HTTP_REQUEST_TIMEOUT_MS: "100000" }),
		).toContain("must not exceed HTTP_REQUEST_TIMEOUT_MS (100000)");
	});
});
