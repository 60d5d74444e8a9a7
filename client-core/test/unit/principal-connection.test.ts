import { describe, expect, it } from "vitest";
import { PrincipalConnection } from "../../src/connection/principal-connection.ts";
import type { ClientEnvironment } from "../../src/platform/environment.ts";

const environment: ClientEnvironment = {
	onWake: () => () => {},
	isOnline: () => true,
	isVisible: () => true,
};

function principal(options: { apiUrl: string; wsUrl?: string; publicKey?: string }) {
	return new PrincipalConnection({
		...options,
		environment,
		uploadToken: async () => "token-1",
	});
}

describe("PrincipalConnection", () => {
	it("derives the WebSocket URL from the REST base unless one is given (an empty one is none)", () => {
		expect(principal({ apiUrl: "https://support.example.com/v1/" }).wsUrl).toBe(
			"wss://support.example.com/ws",
		);
		expect(principal({ apiUrl: "http://localhost:4000/v1", wsUrl: "" }).wsUrl).toBe(
			"ws://localhost:4000/ws",
		);
		expect(principal({ apiUrl: "http://a/v1", wsUrl: "ws://b/socket" }).wsUrl).toBe(
			"ws://b/socket",
		);
		expect(principal({ apiUrl: "https://support.example.com/v1//" }).apiUrl).toBe(
			"https://support.example.com/v1",
		);
	});

	it("uploads as a visitor with the public key and visitor token, as an agent with a bearer token", async () => {
		expect(
			await principal({ apiUrl: "http://a/v1", publicKey: "pk_test_1" }).uploadHeaders(),
		).toEqual({ "x-public-key": "pk_test_1", "x-visitor-token": "token-1" });
		expect(await principal({ apiUrl: "http://a/v1" }).uploadHeaders()).toEqual({
			authorization: "Bearer token-1",
		});
	});

	it("has no socket or outbox before connect", () => {
		expect(principal({ apiUrl: "http://a/v1" }).connected).toBeNull();
	});
});
