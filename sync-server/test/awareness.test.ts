import { DocumentNames } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../src/server.ts";
import { eventually } from "./support/eventually.ts";
import { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor, loginAgent, startTestServer } from "./support/test-server.ts";

describe.each(testDatabaseTargets())("typing through awareness on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	const clients: TestClient[] = [];

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		await server.stop();
		await database.drop();
	});

	it("lets a visitor announce only its own typing, never an agent's name", async () => {
		const boot = await bootstrapVisitor(server, server.demo?.publicKey ?? "");
		const visitor = new TestClient({
			wsUrl: server.wsUrl,
			token: boot.visitorToken,
			principal: `visitor:${boot.visitor.id}`,
			publicKey: server.demo?.publicKey,
		});
		const session = await loginAgent(server);
		const agent = new TestClient({
			wsUrl: server.wsUrl,
			token: session.token,
			principal: `user:${session.user.id}`,
		});
		clients.push(visitor, agent);
		const conversationId = uuidv7();
		const start = uuidv7();
		visitor.send({ id: start, type: "conversation.start", conversationId });
		await visitor.result(start);
		const name = DocumentNames.conversation(conversationId);
		const visitorProvider = await visitor.openSynced(name);
		const agentProvider = await agent.openSynced(name);

		// A forged state: the visitor claims to be the agent, with the agent's name and extra data.
		visitorProvider.setAwarenessField("typing", {
			principal: `user:${session.user.id}`,
			name: "Demo Admin",
			at: Date.now(),
		});
		visitorProvider.setAwarenessField("secret", "x".repeat(100));
		await eventually(() => {
			const seen = [...(agentProvider.awareness?.getStates().entries() ?? [])].filter(
				([clientId]) => clientId === visitorProvider.document.clientID,
			);
			expect(seen).toEqual([[visitorProvider.document.clientID, {}]]);
		});

		// Its own typing passes, without a name.
		visitorProvider.setAwarenessField("typing", {
			principal: `visitor:${boot.visitor.id}`,
			name: "Demo Admin",
			at: Date.now(),
		});
		await eventually(() => {
			const state = agentProvider.awareness?.getStates().get(visitorProvider.document.clientID);
			expect(state).toEqual({
				typing: { principal: `visitor:${boot.visitor.id}`, at: expect.any(Number) },
			});
		});

		// An agent's typing carries the name the server knows.
		agentProvider.setAwarenessField("typing", {
			principal: `user:${session.user.id}`,
			name: "Someone Else",
			at: Date.now(),
		});
		await eventually(() => {
			const state = visitorProvider.awareness?.getStates().get(agentProvider.document.clientID);
			expect(state).toEqual({
				typing: {
					principal: `user:${session.user.id}`,
					name: "Demo Admin",
					at: expect.any(Number),
				},
			});
		});
	});
});
