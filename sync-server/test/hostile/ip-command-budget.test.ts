// A script that mints visitors must not multiply its command budget: commands are also paced per
// client IP and per website (COMMAND_IP_RATE_LIMIT, COMMAND_WEBSITE_RATE_LIMIT), and minting
// visitors is itself limited per IP (VISITOR_CREATION_RATE_LIMIT). Real servers, real sockets
// from chosen local addresses (any of 127.0.0.0/8 reaches the server on Linux).

import { request as httpRequest } from "node:http";
import { HEADERS, type WebsiteBootstrapResponse } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import type { SyncServer } from "../../src/server.ts";
import { eventually } from "../support/eventually.ts";
import { TestClient } from "../support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "../support/test-database.ts";
import { startTestServer } from "../support/test-server.ts";

/** A browser-like page origin test keys accept. */
const ORIGIN = "http://localhost:5173";

/** `GET /v1/websites` (the widget's bootstrap) sent from `localAddress`. */
function bootstrapFrom(
	server: SyncServer,
	localAddress: string,
	visitorToken?: string,
): Promise<{ status: number; retryAfter?: string; body: WebsiteBootstrapResponse & ErrorBody }> {
	return new Promise((resolve, reject) => {
		const url = new URL(`${server.apiUrl}/websites`);
		const req = httpRequest(
			{
				host: url.hostname,
				port: url.port,
				path: url.pathname,
				localAddress,
				headers: {
					[HEADERS.publicKey]: server.demo?.publicKey ?? "",
					origin: ORIGIN,
					...(visitorToken ? { [HEADERS.visitorToken]: visitorToken } : {}),
				},
			},
			(res) => {
				let text = "";
				res.setEncoding("utf8");
				res.on("data", (chunk) => {
					text += chunk;
				});
				res.on("end", () =>
					resolve({
						status: res.statusCode ?? 0,
						retryAfter: res.headers["retry-after"],
						body: JSON.parse(text),
					}),
				);
			},
		);
		req.on("error", reject);
		req.end();
	});
}

type ErrorBody = { error: { code: string } };

/** Messages a fresh visitor sends from `localAddress`: a conversation and `messages` lines. */
async function freshVisitorSends(
	server: SyncServer,
	localAddress: string,
	messages: number,
	clients: TestClient[],
): Promise<{ client: TestClient; ids: string[] }> {
	const boot = await bootstrapFrom(server, localAddress);
	expect(boot.status).toBe(200);
	const client = new TestClient({
		wsUrl: server.wsUrl,
		token: boot.body.visitorToken,
		principal: `visitor:${boot.body.visitor.id}`,
		publicKey: server.demo?.publicKey ?? "",
		origin: ORIGIN,
		localAddress,
	});
	clients.push(client);
	const conversationId = uuidv7();
	const commands = [
		{ id: uuidv7(), type: "conversation.start", conversationId },
		...Array.from({ length: messages }, (_, i) => ({
			id: uuidv7(),
			type: "message.send",
			conversationId,
			itemId: uuidv7(),
			parts: [{ type: "text", text: `flood ${i}` }],
		})),
	];
	for (const command of commands) client.send(command);
	return { client, ids: commands.map((c) => c.id) };
}

function appliedCount(sent: Array<{ client: TestClient; ids: string[] }>): number {
	return sent
		.flatMap(({ client, ids }) => ids.map((id) => client.resultOf(id)))
		.filter((result) => result?.status === "applied").length;
}

describe("shared command budgets: configuration", () => {
	it("has generous defaults and 0 turns each off", () => {
		const defaults = loadConfig({});
		expect(defaults.commandBudgets).toEqual({ perIp: 1_200, perWebsite: 12_000 });
		expect(defaults.visitorCreationPerHour).toBe(300);
		const off = loadConfig({
			COMMAND_IP_RATE_LIMIT: "0",
			COMMAND_WEBSITE_RATE_LIMIT: "0",
			VISITOR_CREATION_RATE_LIMIT: "0",
		});
		expect(off.commandBudgets).toEqual({ perIp: 0, perWebsite: 0 });
		expect(off.visitorCreationPerHour).toBe(0);
		expect(() => loadConfig({ COMMAND_IP_RATE_LIMIT: "-1" })).toThrow(/COMMAND_IP_RATE_LIMIT/);
		expect(() => loadConfig({ VISITOR_CREATION_RATE_LIMIT: "x" })).toThrow(
			/VISITOR_CREATION_RATE_LIMIT/,
		);
	});
});

describe.each(testDatabaseTargets())("shared command budgets on $name", (target) => {
	describe("per client IP", () => {
		let database: TestDatabase;
		let server: SyncServer;
		const clients: TestClient[] = [];
		beforeAll(async () => {
			database = await target.create();
			// Each visitor alone stays far below its own 120 per minute; together they are not.
			server = await startTestServer(database.db, {
				COMMAND_IP_RATE_LIMIT: "6",
				COMMAND_WEBSITE_RATE_LIMIT: "0",
				VISITOR_CREATION_RATE_LIMIT: "0",
			});
		});
		afterAll(async () => {
			for (const client of clients) client.destroy();
			await server.stop();
			await database.drop();
		});

		it("paces the commands of freshly minted visitors from one address together", async () => {
			const sent: Array<{ client: TestClient; ids: string[] }> = [];
			for (let i = 0; i < 4; i++)
				sent.push(await freshVisitorSends(server, "127.0.0.1", 2, clients));
			// 12 commands from one address: the burst of 6 is applied …
			await eventually(
				() => {
					if (appliedCount(sent) < 6) throw new Error(`${appliedCount(sent)} applied`);
				},
				{ timeoutMs: 15_000, message: "the burst applied" },
			);
			// … and the rest waits for the address's next token (one every 10 s), refused nowhere.
			await new Promise((resolve) => setTimeout(resolve, 1_500));
			expect(appliedCount(sent)).toBe(6);
			const results = sent.flatMap(({ client, ids }) => ids.map((id) => client.resultOf(id)));
			expect(results.filter((r) => r?.status === "rejected")).toEqual([]);

			// Another address has its own budget.
			const other = await freshVisitorSends(server, "127.0.0.2", 1, clients);
			for (const id of other.ids) {
				expect(await other.client.result(id)).toMatchObject({ status: "applied" });
			}
		});
	});

	describe("per website", () => {
		let database: TestDatabase;
		let server: SyncServer;
		const clients: TestClient[] = [];
		beforeAll(async () => {
			database = await target.create();
			server = await startTestServer(database.db, {
				COMMAND_IP_RATE_LIMIT: "0",
				COMMAND_WEBSITE_RATE_LIMIT: "5",
				VISITOR_CREATION_RATE_LIMIT: "0",
			});
		});
		afterAll(async () => {
			for (const client of clients) client.destroy();
			await server.stop();
			await database.drop();
		});

		it("paces a website's visitors together, whatever their addresses", async () => {
			const sent: Array<{ client: TestClient; ids: string[] }> = [];
			for (const address of ["127.0.0.3", "127.0.0.4", "127.0.0.5"]) {
				sent.push(await freshVisitorSends(server, address, 2, clients));
			}
			await eventually(
				() => {
					if (appliedCount(sent) < 5) throw new Error(`${appliedCount(sent)} applied`);
				},
				{ timeoutMs: 15_000, message: "the burst applied" },
			);
			await new Promise((resolve) => setTimeout(resolve, 1_500));
			expect(appliedCount(sent)).toBe(5);
		});
	});

	describe("new visitors per IP", () => {
		let database: TestDatabase;
		let server: SyncServer;
		beforeAll(async () => {
			database = await target.create();
			server = await startTestServer(database.db, { VISITOR_CREATION_RATE_LIMIT: "3" });
		});
		afterAll(async () => {
			await server.stop();
			await database.drop();
		});

		it("refuses a fourth fresh visitor within the hour with 429, resuming ones still pass", async () => {
			const minted = [];
			for (let i = 0; i < 3; i++) {
				const boot = await bootstrapFrom(server, "127.0.0.6");
				expect(boot.status).toBe(200);
				minted.push(boot.body);
			}
			const refused = await bootstrapFrom(server, "127.0.0.6");
			expect(refused.status).toBe(429);
			expect(refused.body.error.code).toBe("rate_limited");
			// One visitor per 20 minutes at 3 per hour.
			expect(Number(refused.retryAfter)).toBeGreaterThan(1_000);
			expect(Number(refused.retryAfter)).toBeLessThanOrEqual(1_200);
			expect(await database.db.prisma.visitor.count()).toBe(3);

			// A visitor coming back with its token is not a new one …
			const resumed = await bootstrapFrom(server, "127.0.0.6", minted[0]?.visitorToken);
			expect(resumed.status).toBe(200);
			expect(resumed.body.visitor.id).toBe(minted[0]?.visitor.id);
			// … and another address mints its own.
			expect((await bootstrapFrom(server, "127.0.0.7")).status).toBe(200);
		});
	});
});
