// Abuse limits: per-IP token buckets on REST and on WebSocket upgrades, failed-login locks per
// email and per IP, and per-visitor command limits on outboxes. Each refusal has a stable code (`rate_limited`), a
// Retry-After, and leaves no trace. Servers run with tiny limits so the edges are reachable.

import { request as httpRequest } from "node:http";
import { HEADERS } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { FailureLimiter } from "../src/limits/failure-limiter.ts";
import { TokenBucketLimiter } from "../src/limits/token-bucket.ts";
import type { SyncServer } from "../src/server.ts";
import { createAgent, requestFrom, rest } from "./support/rest.ts";
import { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor, loginAgent, startTestServer } from "./support/test-server.ts";

describe("token buckets and failure windows", () => {
	it("lets a burst of `capacity` through, then refills at capacity per interval", () => {
		const limiter = new TokenBucketLimiter(3, 60_000);
		const t0 = 1_000_000;
		for (let i = 0; i < 3; i++) expect(limiter.take("ip:a", t0).allowed).toBe(true);
		expect(limiter.take("ip:a", t0)).toEqual({ allowed: false, retryAfterMs: 20_000 });
		// Other keys have their own bucket.
		expect(limiter.take("ip:b", t0).allowed).toBe(true);
		expect(limiter.take("ip:a", t0 + 19_000).allowed).toBe(false);
		expect(limiter.take("ip:a", t0 + 20_000).allowed).toBe(true);
		expect(limiter.take("ip:a", t0 + 20_000).allowed).toBe(false);
	});

	it("forgets the least recently used keys beyond its bound", () => {
		const limiter = new TokenBucketLimiter(1, 60_000, 2);
		limiter.take("a", 0);
		limiter.take("b", 0);
		limiter.take("a", 1);
		limiter.take("c", 2);
		expect(limiter.size).toBe(2);
		// "a" (used recently) is still tracked and empty; "b" was evicted and starts full again.
		expect(limiter.take("a", 3).allowed).toBe(false);
		expect(limiter.take("b", 3).allowed).toBe(true);
	});

	it("locks a key after maxFailures within the window until the oldest leaves it", () => {
		const limiter = new FailureLimiter(3, 900_000);
		limiter.fail("email:x", 0);
		limiter.fail("email:x", 100_000);
		expect(limiter.retryAfterMs("email:x", 100_000)).toBe(0);
		limiter.fail("email:x", 200_000);
		expect(limiter.retryAfterMs("email:x", 200_000)).toBe(700_000);
		expect(limiter.retryAfterMs("email:x", 899_999)).toBe(1);
		expect(limiter.retryAfterMs("email:x", 900_000)).toBe(0);
		limiter.forgive("email:x");
		limiter.reset("email:y");
		expect(limiter.retryAfterMs("email:x", 200_000)).toBe(0);
	});
});

/**
 * A raw WebSocket upgrade of `/ws` sent from `localAddress`: 101 when the handshake happens
 * (the socket is dropped at once), otherwise the status, Retry-After and body of the refusal.
 */
function upgradeFrom(
	server: Pick<SyncServer, "url">,
	localAddress: string,
	headers: Record<string, string> = {},
): Promise<{ status: number; retryAfter?: string; body?: string }> {
	return new Promise((resolve, reject) => {
		const url = new URL("/ws", server.url);
		const req = httpRequest({
			host: url.hostname,
			port: url.port,
			path: url.pathname,
			localAddress,
			headers: {
				connection: "Upgrade",
				upgrade: "websocket",
				"sec-websocket-version": "13",
				"sec-websocket-key": Buffer.from(uuidv7().slice(0, 16)).toString("base64"),
				...headers,
			},
		});
		req.on("upgrade", (res, socket) => {
			socket.destroy();
			resolve({ status: res.statusCode ?? 0 });
		});
		req.on("response", (res) => {
			let body = "";
			res.setEncoding("utf8");
			res.on("data", (chunk) => {
				body += chunk;
			});
			res.on("end", () =>
				resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"], body }),
			);
		});
		req.on("error", reject);
		req.end();
	});
}

describe("WS_UPGRADE_RATE_LIMIT", () => {
	it("defaults to 120 upgrades per minute per IP; 0 turns the limit off", () => {
		expect(loadConfig({}).wsUpgradeRateLimit).toBe(120);
		expect(loadConfig({ WS_UPGRADE_RATE_LIMIT: "0" }).wsUpgradeRateLimit).toBe(0);
		expect(() => loadConfig({ WS_UPGRADE_RATE_LIMIT: "-1" })).toThrow(/WS_UPGRADE_RATE_LIMIT/);
	});
});

describe.each(testDatabaseTargets())("abuse limits on $name", (target) => {
	describe("WebSocket upgrades per IP", () => {
		let database: TestDatabase;
		let proxiedDatabase: TestDatabase | null = null;
		let proxied: SyncServer | null = null;
		let server: SyncServer;
		beforeAll(async () => {
			database = await target.create();
			server = await startTestServer(database.db, { WS_UPGRADE_RATE_LIMIT: "3" });
		});
		afterAll(async () => {
			await proxied?.stop();
			await proxiedDatabase?.drop();
			await server.stop();
			await database.drop();
		});

		it("answers 429 with Retry-After before the handshake past the burst, per address", async () => {
			for (let i = 0; i < 3; i++) expect((await upgradeFrom(server, "127.0.0.1")).status).toBe(101);
			const limited = await upgradeFrom(server, "127.0.0.1");
			expect(limited.status).toBe(429);
			expect(JSON.parse(limited.body ?? "{}").error.code).toBe("rate_limited");
			expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
			expect(Number(limited.retryAfter)).toBeLessThanOrEqual(20);
			// Without TRUST_PROXY a forged X-Forwarded-For changes nothing, as for REST.
			const forged = await upgradeFrom(server, "127.0.0.1", { "x-forwarded-for": "10.1.2.3" });
			expect(forged.status).toBe(429);

			// Other addresses keep being served, and REST has its own budget.
			expect((await upgradeFrom(server, "127.0.0.2")).status).toBe(101);
			expect((await requestFrom(server, "127.0.0.1", "GET", "/v1/setup")).status).toBe(200);
		});

		it("counts the forwarded client address behind a trusted proxy, as REST does", async () => {
			proxiedDatabase = await target.create();
			proxied = await startTestServer(proxiedDatabase.db, {
				WS_UPGRADE_RATE_LIMIT: "1",
				TRUST_PROXY: "loopback",
			});
			const from = (client: string) =>
				upgradeFrom(proxied as SyncServer, "127.0.0.1", { "x-forwarded-for": client });
			expect((await from("203.0.113.1")).status).toBe(101);
			expect((await from("203.0.113.2")).status).toBe(101);
			expect((await from("203.0.113.1")).status).toBe(429);
		});
	});

	describe("REST requests per IP", () => {
		let database: TestDatabase;
		let server: SyncServer;
		beforeAll(async () => {
			database = await target.create();
			server = await startTestServer(database.db, { REST_RATE_LIMIT: "5" });
		});
		afterAll(async () => {
			await server.stop();
			await database.drop();
		});

		it("answers 429 rate_limited with Retry-After past the burst, per client address", async () => {
			for (let i = 0; i < 5; i++) {
				expect((await requestFrom(server, "127.0.0.1", "GET", "/v1/setup")).status).toBe(200);
			}
			const limited = await rest(server, "GET", "/websites", {
				headers: { [HEADERS.publicKey]: server.demo?.publicKey ?? "", origin: "http://localhost" },
			});
			expect(limited.status).toBe(429);
			expect(limited.body.error.code).toBe("rate_limited");
			expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
			expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(12);
			// CORS comes first, so the widget can read why it was refused.
			expect(limited.headers.get("access-control-allow-origin")).toBe("http://localhost");
			// Refused before anything ran: no visitor was created.
			expect(await database.db.prisma.visitor.count()).toBe(0);

			// Another address has its own budget; health checks are not limited.
			expect((await requestFrom(server, "127.0.0.2", "GET", "/v1/setup")).status).toBe(200);
			expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		});
	});

	describe("failed logins", () => {
		let database: TestDatabase;
		let server: SyncServer;
		let admin: { email: string; password: string };
		let colleagues: Array<{ email: string; password: string }>;
		beforeAll(async () => {
			database = await target.create();
			server = await startTestServer(database.db, { LOGIN_MAX_FAILURES: "3" });
			admin = { email: server.demo?.agentEmail ?? "", password: server.demo?.agentPassword ?? "" };
			const session = await loginAgent(server);
			colleagues = [];
			for (let i = 0; i < 2; i++) {
				const agent = await createAgent(server, session.token, server.demo?.websiteId ?? "");
				colleagues.push({ email: agent.user.email, password: agent.password });
			}
		});
		afterAll(async () => {
			await server.stop();
			await database.drop();
		});

		const attempt = (email: string, password: string, from = "127.0.0.1") =>
			requestFrom(server, from, "POST", "/v1/auth/login", { email, password });

		it("locks an email after 3 failures, even for the right password; other accounts still log in", async () => {
			for (let i = 0; i < 3; i++) {
				expect((await attempt(admin.email, `guess-${i}`)).status).toBe(401);
			}
			const locked = await attempt(admin.email, admin.password);
			expect(locked.status).toBe(429);
			expect((locked.body as { error: { code: string } }).error.code).toBe("rate_limited");
			const retryAfter = Number(locked.retryAfter);
			expect(retryAfter).toBeGreaterThan(800);
			expect(retryAfter).toBeLessThanOrEqual(900);
			// The lock follows the account: another address, other letter case, same answer.
			expect((await attempt(admin.email.toUpperCase(), admin.password, "127.0.0.2")).status).toBe(
				429,
			);
			const [colleague] = colleagues as [{ email: string; password: string }];
			expect((await attempt(colleague.email, colleague.password)).status).toBe(200);
		});

		it("counts parallel guesses before they finish", async () => {
			const email = `target-${uuidv7()}@example.com`;
			const results = await Promise.all(
				Array.from({ length: 10 }, (_, i) => attempt(email, `parallel-${i}`, "127.0.0.3")),
			);
			const statuses = results.map((r) => r.status);
			expect(statuses.filter((s) => s === 401)).toHaveLength(3);
			expect(statuses.filter((s) => s === 429)).toHaveLength(7);
		});

		it("locks an address after five times as many failures, whatever the emails", async () => {
			const from = "127.0.0.4";
			for (let i = 0; i < 15; i++) {
				expect((await attempt(`spray-${i}@example.com`, "password1", from)).status).toBe(401);
			}
			const [, colleague] = colleagues as [unknown, { email: string; password: string }];
			// Even a correct password of an account nobody guessed at is refused from there …
			expect((await attempt(colleague.email, colleague.password, from)).status).toBe(429);
			// … and accepted from any other address.
			expect((await attempt(colleague.email, colleague.password, "127.0.0.5")).status).toBe(200);
		});
	});

	describe("commands per visitor", () => {
		let database: TestDatabase;
		let server: SyncServer;
		const clients: TestClient[] = [];
		beforeAll(async () => {
			database = await target.create();
			server = await startTestServer(database.db, { COMMAND_RATE_LIMIT: "3" });
		});
		afterAll(async () => {
			for (const client of clients) client.destroy();
			await server.stop();
			await database.drop();
		});

		async function visitorClient() {
			const publicKey = server.demo?.publicKey ?? "";
			const boot = await bootstrapVisitor(server, publicKey);
			const client = new TestClient({
				wsUrl: server.wsUrl,
				token: boot.visitorToken,
				principal: `visitor:${boot.visitor.id}`,
				publicKey,
			});
			clients.push(client);
			return client;
		}

		it("paces a visitor's commands past its budget, in order, instead of refusing them", async () => {
			const visitor = await visitorClient();
			const conversationId = uuidv7();
			const commands = [
				{ id: uuidv7(), type: "conversation.start", conversationId },
				...Array.from({ length: 3 }, (_, i) => ({
					id: uuidv7(),
					type: "message.send",
					conversationId,
					itemId: uuidv7(),
					parts: [{ type: "text", text: `message ${i}` }],
				})),
			];
			for (const command of commands) visitor.send(command);
			// The burst (3) is applied at once…
			const firstThree = await Promise.all(commands.slice(0, 3).map((c) => visitor.result(c.id)));
			expect(firstThree.map((r) => r.status)).toEqual(["applied", "applied", "applied"]);
			// …the fourth waits for the next token (1 every 20 s at 3 / minute): no result yet, and
			// above all no refusal a client would have to retry (which could reorder its queue).
			await new Promise((resolve) => setTimeout(resolve, 1_000));
			expect(visitor.resultOf(commands[3]?.id ?? "")).toBeUndefined();
			const stored = await database.db.prisma.timelineItem.count({ where: { conversationId } });
			expect(stored).toBe(2);

			// Another visitor has its own budget.
			const other = await visitorClient();
			const id = uuidv7();
			other.send({ id, type: "conversation.start", conversationId: uuidv7() });
			expect(await other.result(id)).toMatchObject({ status: "applied" });
		});
	});
});
