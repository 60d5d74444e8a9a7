import { describe, expect, it } from "vitest";
import { CossistantApiError } from "../../src/errors.ts";
import { closeFailureOf, setupFailureOf } from "../../src/setup/setup-failure.ts";

const context = {
	apiUrl: "https://support.example/v1",
	publicKey: "pk_live_abcdefghijklmnop",
	origin: "https://shop.example",
};

describe("setupFailureOf", () => {
	it("turns refusals retrying cannot fix into configuration errors that say what to do", () => {
		const key = setupFailureOf(new CossistantApiError(401, "invalid_api_key", "x"), context);
		expect(key?.code).toBe("invalid_api_key");
		expect(key?.message).toContain("pk_live_abcd… is unknown or revoked");
		const origin = setupFailureOf(new CossistantApiError(403, "origin_not_allowed", "x"), context);
		expect(origin?.code).toBe("origin_not_allowed");
		expect(origin?.message).toContain(
			"Add https://shop.example to Allowed domains in Settings → Developers",
		);
		const notFound = setupFailureOf(new CossistantApiError(404, "invalid_response", "x"), context);
		expect(notFound?.code).toBe("wrong_api_url");
		const html = setupFailureOf(new CossistantApiError(200, "invalid_response", "x"), context);
		expect(html?.code).toBe("wrong_api_url");
		const page = setupFailureOf(new CossistantApiError(403, "origin_not_allowed", "x"), {
			...context,
			origin: "null",
		});
		expect(page?.message).toContain("file:// page or a sandboxed iframe");
	});

	it("leaves outages to the retries", () => {
		for (const error of [
			new CossistantApiError(0, "network_error", "x"),
			new CossistantApiError(502, "invalid_response", "x"),
			new CossistantApiError(503, "unavailable", "x"),
			new CossistantApiError(429, "rate_limited", "x"),
			new CossistantApiError(408, "invalid_response", "x"),
			new Error("anything else"),
		]) {
			expect(setupFailureOf(error, context)).toBeNull();
		}
	});
});

describe("closeFailureOf", () => {
	it("stops on a refused key or origin only", () => {
		expect(closeFailureOf(4401, "invalid_api_key", context)?.code).toBe("invalid_api_key");
		expect(closeFailureOf(4403, "origin_not_allowed", context)?.code).toBe("origin_not_allowed");
		expect(closeFailureOf(4401, "visitor_token_expired", context)).toBeNull();
		expect(closeFailureOf(4401, "unauthorized", context)).toBeNull();
		expect(closeFailureOf(4403, "visitor_blocked", context)).toBeNull();
		expect(closeFailureOf(1013, "unavailable", context)).toBeNull();
	});
});
