import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DocumentNames, type LoginResponse } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/persistence/database.ts";
import { eventually } from "./support/eventually.ts";
import { freePort, ServerProcess } from "./support/server-process.ts";
import { TestClient } from "./support/test-client.ts";
import { createPostgresDatabase } from "./support/test-database.ts";
import { bootstrapVisitor } from "./support/test-server.ts";

type Target = {
	name: string;
	env: () => Promise<{ env: Record<string, string>; drop: () => Promise<void> }>;
};

const targets: Target[] = [
	{ name: "pglite", env: async () => ({ env: {}, drop: async () => {} }) },
];
if (process.env.DATABASE_URL) {
	const adminUrl = process.env.DATABASE_URL;
	targets.push({
		name: "postgres",
		env: async () => {
			const database = await createPostgresDatabase(adminUrl);
			await database.db.close();
			return { env: database.env, drop: database.drop };
		},
	});
}

async function login(url: string, email: string, password: string): Promise<LoginResponse> {
	const response = await fetch(`${url}/v1/auth/login`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ email, password }),
	});
	return (await response.json()) as LoginResponse;
}

describe.each(targets)("crash recovery on $name", (target) => {
	const cleanups: Array<() => Promise<void> | void> = [];
	afterAll(async () => {
		for (const cleanup of cleanups.reverse()) await cleanup();
	});

	it("loses nothing reported applied, re-applies the rest exactly once, and leaves no ghost items after SIGKILL", async () => {
		const { env, drop } = await target.env();
		const dataDir = mkdtempSync(join(tmpdir(), "cossistant-crash-"));
		cleanups.push(drop, () => rmSync(dataDir, { recursive: true, force: true }));
		// The stream below is far above a visitor's command rate; pacing is tested elsewhere.
		const server = new ServerProcess(await freePort(), {
			...env,
			DATA_DIR: dataDir,
			COMMAND_RATE_LIMIT: "100000",
		});
		cleanups.push(() => server.kill());
		await server.start();
		const demo = server.demo();

		const boot = await bootstrapVisitor({ apiUrl: `${server.url}/v1` }, demo.publicKey);
		const visitor = new TestClient({
			wsUrl: `ws://127.0.0.1:${server.port}/ws`,
			token: boot.visitorToken,
			principal: `visitor:${boot.visitor.id}`,
			publicKey: demo.publicKey,
		});
		cleanups.push(() => visitor.destroy());
		const conversationId = uuidv7();
		const start = uuidv7();
		visitor.send({ id: start, type: "conversation.start", conversationId });
		expect(await visitor.result(start)).toMatchObject({ status: "applied" });
		const convDoc = DocumentNames.conversation(conversationId);
		await visitor.openSynced(convDoc);

		const total = 150;
		const commands = Array.from({ length: total }, (_, i) => ({
			id: uuidv7(),
			type: "message.send",
			conversationId,
			itemId: uuidv7(),
			parts: [{ type: "text", text: `message ${i}` }],
		}));
		// Stream commands; once some are applied, SIGKILL the server while others are in flight.
		for (const command of commands.slice(0, 60)) visitor.send(command);
		await eventually(() =>
			expect(
				commands.filter((c) => visitor.resultOf(c.id)?.status === "applied").length,
			).toBeGreaterThan(10),
		);
		for (const command of commands.slice(60, 90)) visitor.send(command);
		await server.kill();
		for (const command of commands.slice(90)) visitor.send(command);
		const appliedBeforeCrash = commands.filter((c) => visitor.resultOf(c.id)?.status === "applied");
		const replicaBeforeCrash = visitor.timeline(convDoc).map((i) => i.id);
		expect(appliedBeforeCrash.length).toBeGreaterThan(0);
		expect(appliedBeforeCrash.length).toBeLessThan(total);

		await server.start();
		// A fresh replica loads what the database holds: everything reported applied is there,
		// and so is everything any replica had already seen (no ghosts).
		const session = await login(server.url, demo.agentEmail, demo.agentPassword);
		const agent = new TestClient({
			wsUrl: `ws://127.0.0.1:${server.port}/ws`,
			token: session.token,
			principal: `user:${session.user.id}`,
		});
		cleanups.push(() => agent.destroy());
		await agent.openSynced(convDoc);
		const afterRestart = new Set(agent.timeline(convDoc).map((i) => i.id));
		for (const command of appliedBeforeCrash) expect(afterRestart.has(command.itemId)).toBe(true);
		for (const id of replicaBeforeCrash) expect(afterRestart.has(id)).toBe(true);

		// The visitor reconnects by itself; its outbox re-delivers what was not applied.
		for (const command of commands) {
			expect(await visitor.result(command.id, 30_000)).toMatchObject({ status: "applied" });
		}
		await eventually(() => expect(agent.timeline(convDoc)).toHaveLength(total));
		await eventually(() =>
			expect(visitor.timeline(convDoc).map((i) => i.id)).toEqual(
				agent.timeline(convDoc).map((i) => i.id),
			),
		);

		visitor.destroy();
		agent.destroy();
		expect(await server.terminate()).toBe(0);
		const db = await openDatabase(
			env.DATABASE_URL
				? { kind: "postgres", url: env.DATABASE_URL }
				: { kind: "pglite", dataDir: join(dataDir, "pglite") },
		);
		try {
			const rows = await db.prisma.timelineItem.findMany({
				where: { conversationId },
				orderBy: { seq: "asc" },
			});
			expect(rows.map((r) => r.id)).toEqual(agent.timeline(convDoc).map((i) => i.id));
			expect(new Set(rows.map((r) => r.id))).toEqual(new Set(commands.map((c) => c.itemId)));
			expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
			expect(
				await db.prisma.commandLedger.count({ where: { id: { in: commands.map((c) => c.id) } } }),
			).toBe(total);
		} finally {
			await db.close();
		}
	});
});
