import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DocumentNames, type LoginResponse } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/persistence/database.ts";
import { eventually } from "./support/eventually.ts";
import { createAgent, rest } from "./support/rest.ts";
import { freePort, ServerProcess } from "./support/server-process.ts";
import { TestClient } from "./support/test-client.ts";
import { createPostgresDatabase } from "./support/test-database.ts";
import { bootstrapVisitor } from "./support/test-server.ts";

// Several processes need a shared database (PostgreSQL) and Redis; CI provides both.
const adminUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

describe.runIf(adminUrl)("two sync-server processes over Redis and one PostgreSQL", () => {
	const cleanups: Array<() => Promise<void> | void> = [];
	afterAll(async () => {
		for (const cleanup of cleanups.reverse()) await cleanup();
	});

	async function login(url: string, email: string, password: string): Promise<LoginResponse> {
		const response = await fetch(`${url}/v1/auth/login`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ email, password }),
		});
		return (await response.json()) as LoginResponse;
	}

	/** Two server processes (A, B) on a fresh database and the machine's Redis. */
	async function startPair() {
		const database = await createPostgresDatabase(adminUrl ?? "");
		await database.db.close();
		const dataDir = mkdtempSync(join(tmpdir(), "cossistant-multi-"));
		cleanups.push(database.drop, () => rmSync(dataDir, { recursive: true, force: true }));
		const env = {
			...database.env,
			REDIS_URL: redisUrl,
			DATA_DIR: dataDir,
			COMMAND_RATE_LIMIT: "100000",
		};
		const a = new ServerProcess(await freePort(), env);
		const b = new ServerProcess(await freePort(), env);
		cleanups.push(
			() => a.kill(),
			() => b.kill(),
		);
		await a.start();
		await b.start();
		return { database, a, b, demo: a.demo() };
	}

	it("lets a visitor on A and an agent on B converse live, exactly once, in one order", async () => {
		const { database, a, b, demo } = await startPair();

		const boot = await bootstrapVisitor({ apiUrl: `${a.url}/v1` }, demo.publicKey);
		const visitorOnA = new TestClient({
			wsUrl: `ws://127.0.0.1:${a.port}/ws`,
			token: boot.visitorToken,
			principal: `visitor:${boot.visitor.id}`,
			publicKey: demo.publicKey,
		});
		// The same visitor in a second tab, connected to the other process.
		const visitorOnB = new TestClient({
			wsUrl: `ws://127.0.0.1:${b.port}/ws`,
			token: boot.visitorToken,
			principal: `visitor:${boot.visitor.id}`,
			publicKey: demo.publicKey,
		});
		const session = await login(b.url, demo.agentEmail, demo.agentPassword);
		const agentOnB = new TestClient({
			wsUrl: `ws://127.0.0.1:${b.port}/ws`,
			token: session.token,
			principal: `user:${session.user.id}`,
		});
		cleanups.push(
			() => visitorOnA.destroy(),
			() => visitorOnB.destroy(),
			() => agentOnB.destroy(),
		);

		const conversationId = uuidv7();
		const start = uuidv7();
		visitorOnA.send({ id: start, type: "conversation.start", conversationId });
		expect(await visitorOnA.result(start)).toMatchObject({ status: "applied" });
		const conv = DocumentNames.conversation(conversationId);
		await visitorOnA.openSynced(conv);
		await agentOnB.openSynced(conv);

		// Both sides write, interleaved: each process's replica must catch up with the other's.
		const sent: string[] = [];
		for (let round = 0; round < 10; round++) {
			const fromVisitor = {
				id: uuidv7(),
				type: "message.send",
				conversationId,
				itemId: uuidv7(),
				parts: [{ type: "text", text: `v${round}` }],
			};
			const fromAgent = {
				id: uuidv7(),
				type: "message.send",
				conversationId,
				itemId: uuidv7(),
				parts: [{ type: "text", text: `a${round}` }],
			};
			visitorOnA.send(fromVisitor);
			agentOnB.send(fromAgent);
			sent.push(fromVisitor.itemId, fromAgent.itemId);
			expect(await visitorOnA.result(fromVisitor.id)).toMatchObject({ status: "applied" });
			expect(await agentOnB.result(fromAgent.id)).toMatchObject({ status: "applied" });
		}
		const expectSame = () => {
			const onA = visitorOnA.timeline(conv).map((i) => i.id);
			const onB = agentOnB.timeline(conv).map((i) => i.id);
			expect(onA).toHaveLength(sent.length);
			expect(onB).toEqual(onA);
		};
		await eventually(expectSame, { timeoutMs: 15_000 });

		// The second tab (on B) holds the same outbox: both processes see the commands; each is
		// applied exactly once.
		await visitorOnB.openSynced(DocumentNames.outbox(`visitor:${boot.visitor.id}`));
		const burst = Array.from({ length: 30 }, (_, i) => ({
			id: uuidv7(),
			type: "message.send",
			conversationId,
			itemId: uuidv7(),
			parts: [{ type: "text", text: `burst ${i}` }],
		}));
		for (const command of burst) visitorOnA.send(command);
		for (const command of burst) {
			expect(await visitorOnA.result(command.id, 30_000)).toMatchObject({ status: "applied" });
		}

		await a.terminate();
		await b.terminate();
		const db = await openDatabase({ kind: "postgres", url: database.env.DATABASE_URL ?? "" });
		try {
			const rows = await db.prisma.timelineItem.findMany({
				where: { conversationId },
				orderBy: { seq: "asc" },
			});
			expect(rows).toHaveLength(sent.length + burst.length);
			expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
			expect(new Set(rows.map((r) => r.id))).toEqual(
				new Set([...sent, ...burst.map((c) => c.itemId)]),
			);
			// The order both replicas showed is the database's order.
			expect(rows.slice(0, sent.length).map((r) => r.id)).toEqual(
				visitorOnA
					.timeline(conv)
					.slice(0, sent.length)
					.map((i) => i.id),
			);
		} finally {
			await db.close();
		}
	});

	it("closes a removed agent's socket on the other process at once, not at its next sweep", async () => {
		const { a, b, demo } = await startPair();
		const onA = { apiUrl: `${a.url}/v1` };
		const admin = await login(a.url, demo.agentEmail, demo.agentPassword);
		const me = await rest(onA, "GET", "/auth/me", { token: admin.token });
		const websiteId = (me.body.websiteIds as string[])[0] as string;
		const agent = await createAgent(onA, admin.token, websiteId);
		const agentOnB = new TestClient({
			wsUrl: `ws://127.0.0.1:${b.port}/ws`,
			token: agent.token,
			principal: `user:${agent.user.id}`,
		});
		cleanups.push(() => agentOnB.destroy());
		await agentOnB.openSynced(DocumentNames.inbox(websiteId));

		// Removed through process A; B's sweep runs every 30 s, so only the relay closes it now.
		const removed = await rest(onA, "DELETE", `/websites/${websiteId}/agents/${agent.user.id}`, {
			token: admin.token,
		});
		expect(removed.status).toBe(204);
		await eventually(
			() => expect(agentOnB.closeEvents).toContainEqual({ code: 4401, reason: "unauthorized" }),
			{ timeoutMs: 5_000 },
		);
	});
});
