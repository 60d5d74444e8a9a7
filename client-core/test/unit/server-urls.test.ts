import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CossistantClient } from "../../src/client.ts";
import { deriveWsUrl, resolveApiUrl } from "../../src/config/server-urls.ts";
import { memoryOutboxPersistence } from "../../src/outbox/outbox-persistence.ts";
import { memoryKeyValueStore } from "../../src/platform/key-value-store.ts";
import { memoryDocCache } from "../../src/sync/doc-cache.ts";

// The server's address is found like the public key: the prop, else VITE_ (Vite's
// import.meta.env), NEXT_PUBLIC_ (Next.js' process.env), then COSSISTANT_API_URL.
const URL_VARIABLES = [
	"VITE_COSSISTANT_API_URL",
	"NEXT_PUBLIC_COSSISTANT_API_URL",
	"COSSISTANT_API_URL",
] as const;

function clearUrlVariables(): void {
	for (const name of URL_VARIABLES) vi.stubEnv(name, "");
}

afterEach(() => {
	vi.unstubAllEnvs();
});

describe("resolveApiUrl", () => {
	it("uses the default server when neither a prop nor a variable names one", () => {
		clearUrlVariables();
		expect(resolveApiUrl(undefined)).toBe("http://localhost:4000/v1");
	});

	// VITE_ is read from import.meta.env, which Vite replaces at build time (env-in-vite-build.test.ts).
	it("reads COSSISTANT_API_URL, and NEXT_PUBLIC_COSSISTANT_API_URL ahead of it", () => {
		clearUrlVariables();
		vi.stubEnv("COSSISTANT_API_URL", "https://generic.example.com/v1/");
		expect(resolveApiUrl(undefined)).toBe("https://generic.example.com/v1");
		vi.stubEnv("NEXT_PUBLIC_COSSISTANT_API_URL", "https://next.example.com/v1");
		expect(resolveApiUrl(undefined)).toBe("https://next.example.com/v1");
	});

	it("prefers the prop over every variable", () => {
		vi.stubEnv("NEXT_PUBLIC_COSSISTANT_API_URL", "https://next.example.com/v1");
		expect(resolveApiUrl("https://prop.example.com/v1//")).toBe("https://prop.example.com/v1");
	});
});

describe("deriveWsUrl", () => {
	it("pairs http with ws, https with wss, and /v1 with /ws", () => {
		expect(deriveWsUrl("http://localhost:4000/v1")).toBe("ws://localhost:4000/ws");
		expect(deriveWsUrl("https://support.example.com/v1")).toBe("wss://support.example.com/ws");
		expect(deriveWsUrl("https://example.com/support/v1/")).toBe("wss://example.com/support/ws");
		expect(deriveWsUrl("https://example.com/api")).toBe("wss://example.com/api/ws");
	});
});

describe("CossistantClient without apiUrl", () => {
	it("sends its first request to the server named by COSSISTANT_API_URL", async () => {
		const requests: string[] = [];
		const server = createServer((request: IncomingMessage, response) => {
			requests.push(`${request.method} ${request.url}`);
			response.writeHead(503, { "content-type": "application/json" }).end("{}");
		});
		server.listen(0, "127.0.0.1");
		await once(server, "listening");
		const { port } = server.address() as AddressInfo;
		clearUrlVariables();
		vi.stubEnv("COSSISTANT_API_URL", `http://127.0.0.1:${port}/v1`);
		const client = new CossistantClient({
			publicKey: "pk_test_env_url",
			storage: memoryKeyValueStore(),
			docCache: memoryDocCache,
			outboxPersistence: memoryOutboxPersistence(),
		});
		try {
			await client.fetchWebsite().catch(() => undefined);
			expect(requests.length).toBeGreaterThan(0);
			expect(requests[0]).toMatch(/^GET \/v1\/websites/);
		} finally {
			client.destroy();
			server.close();
		}
	});
});
