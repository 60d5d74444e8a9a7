// Agents against a real server and database: first-admin setup of an empty install, agents
// created or invited by admins, roles, sessions that expire or log out (closing their sockets),
// and AI agents that backends post as through the command pipeline.

import { CloseCodes, DocumentNames, type TimelineItem } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BackendPrincipal, VisitorPrincipal } from "../src/auth/principal.ts";
import type { SyncServer } from "../src/server.ts";
import { eventually } from "./support/eventually.ts";
import { authFrame, RawSocket } from "./support/raw-socket.ts";
import { createAgent, login, rest } from "./support/rest.ts";
import { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor, loginAgent, startTestServer } from "./support/test-server.ts";

describe.each(testDatabaseTargets())("first-admin setup on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db, { SEED_DEMO: "false" });
	});
	afterAll(async () => {
		await server.stop();
		await database.drop();
	});

	const setupBody = (email: string) => ({
		email,
		name: "First Admin",
		password: "correct horse battery",
		websiteName: "Acme",
		allowedOrigins: ["https://acme.example"],
	});

	it("creates exactly one first admin, website and pk_test key, then refuses for good", async () => {
		expect((await rest(server, "GET", "/setup")).body).toEqual({ needsSetup: true });

		// Two setups racing: the advisory lock lets exactly one through.
		const [first, second] = await Promise.all([
			rest(server, "POST", "/setup", { body: setupBody("one@acme.example") }),
			rest(server, "POST", "/setup", { body: setupBody("two@acme.example") }),
		]);
		const statuses = [first.status, second.status].sort();
		expect(statuses).toEqual([201, 409]);
		const won = first.status === 201 ? first : second;
		expect(won.body.user.role).toBe("admin");
		expect(won.body.publicKey).toMatch(/^pk_test_/);
		expect(won.body.websiteIds).toEqual([won.body.website.id]);
		expect(await database.db.prisma.user.count()).toBe(1);
		expect(await database.db.prisma.website.count()).toBe(1);

		expect((await rest(server, "GET", "/setup")).body).toEqual({ needsSetup: false });
		const late = await rest(server, "POST", "/setup", { body: setupBody("late@acme.example") });
		expect(late.status).toBe(409);
		expect(late.body.error.code).toBe("conflict");

		// The session works, and the key works from localhost (a test key).
		const me = await rest(server, "GET", "/auth/me", { token: won.body.token });
		expect(me.body).toMatchObject({ role: "admin", websiteIds: [won.body.website.id] });
		const boot = await bootstrapVisitor(server, won.body.publicKey, {
			origin: "http://localhost:3000",
		});
		expect(boot.website.name).toBe("Acme");
	});
});

describe.each(testDatabaseTargets())("agents and sessions on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let websiteId: string;
	let adminToken: string;
	const clients: TestClient[] = [];

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db, {}, { socketSweepIntervalMs: 200 });
		websiteId = server.demo?.websiteId ?? "";
		adminToken = (await loginAgent(server)).token;
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		await server.stop();
		await database.drop();
	});

	function agentClient(token: string, userId: string) {
		const client = new TestClient({ wsUrl: server.wsUrl, token, principal: `user:${userId}` });
		clients.push(client);
		return client;
	}

	it("creates an agent with a password; roles are enforced", async () => {
		const agent = await createAgent(server, adminToken, websiteId, "agent", "Sam");
		expect(agent.user).toMatchObject({ name: "Sam", role: "agent" });
		expect(agent.websiteIds).toEqual([websiteId]);

		const list = await rest(server, "GET", `/websites/${websiteId}/agents`, { token: agent.token });
		expect(list.status).toBe(200);
		expect(list.body.agents.map((a: { id: string }) => a.id)).toContain(agent.user.id);
		expect(list.text).not.toContain("passwordHash");

		const escalate = await rest(server, "POST", `/websites/${websiteId}/agents`, {
			token: agent.token,
			body: { email: "mallory@example.com", name: "M", role: "admin", password: "0123456789ab" },
		});
		expect(escalate.status).toBe(403);
		expect(await database.db.prisma.user.count({ where: { email: "mallory@example.com" } })).toBe(
			0,
		);
	});

	it("invites an agent with a one-time token that logs them in once", async () => {
		const invited = await rest(server, "POST", `/websites/${websiteId}/agents`, {
			token: adminToken,
			body: { email: "Nina@Example.com", name: "Nina" },
		});
		expect(invited.status).toBe(201);
		const { invitation, inviteToken } = invited.body;
		expect(invitation).toMatchObject({ email: "nina@example.com", role: "agent" });
		const pending = await rest(server, "GET", `/websites/${websiteId}/agents`, {
			token: adminToken,
		});
		expect(pending.body.invitations.map((i: { id: string }) => i.id)).toEqual([invitation.id]);
		// Only the token's hash is stored.
		expect(JSON.stringify(await database.db.prisma.invitation.findMany())).not.toContain(
			inviteToken,
		);

		const accepted = await rest(server, "POST", "/auth/accept-invite", {
			body: { token: inviteToken, password: "nina's long password" },
		});
		expect(accepted.status).toBe(200);
		expect(accepted.body.user).toMatchObject({ email: "nina@example.com", role: "agent" });
		expect(accepted.body.websiteIds).toEqual([websiteId]);
		await login(server, "nina@example.com", "nina's long password");

		const reused = await rest(server, "POST", "/auth/accept-invite", {
			body: { token: inviteToken, password: "another password!" },
		});
		expect(reused.status).toBe(404);
		await login(server, "nina@example.com", "nina's long password");
	});

	it("refuses an expired invitation", async () => {
		const invited = await rest(server, "POST", `/websites/${websiteId}/agents`, {
			token: adminToken,
			body: { email: "late@example.com", name: "Late" },
		});
		await database.db.prisma.invitation.update({
			where: { id: invited.body.invitation.id },
			data: { expiresAt: new Date(Date.now() - 1_000) },
		});
		const response = await rest(server, "POST", "/auth/accept-invite", {
			body: { token: invited.body.inviteToken, password: "too late anyway" },
		});
		expect(response.status).toBe(404);
		expect(await database.db.prisma.user.count({ where: { email: "late@example.com" } })).toBe(0);
	});

	it("invites an existing account, which joins only by accepting, its password and name untouched", async () => {
		const other = await database.db.prisma.website.create({
			data: { id: uuidv7(), name: "Second site", allowedOrigins: [], identitySecret: "x" },
		});
		await database.db.prisma.websiteMember.create({
			data: { websiteId: other.id, userId: (await loginAgent(server)).user.id, role: "admin" },
		});
		const agent = await createAgent(server, adminToken, websiteId, "agent", "Multi");
		// An admin never sets the password of an account that exists.
		const withPassword = await rest(server, "POST", `/websites/${other.id}/agents`, {
			token: adminToken,
			body: { email: agent.user.email, name: "Renamed", role: "admin", password: "hijacked-pass" },
		});
		expect(withPassword.status).toBe(409);
		const invited = await rest(server, "POST", `/websites/${other.id}/agents`, {
			token: adminToken,
			body: { email: agent.user.email, name: "Renamed", role: "admin" },
		});
		expect(invited.status).toBe(201);
		expect(invited.body.invitation).toMatchObject({ email: agent.user.email, role: "admin" });
		expect((await login(server, agent.user.email, agent.password)).websiteIds).toEqual([websiteId]);

		const accepted = await rest(server, "POST", "/invitations/accept", {
			token: agent.token,
			body: { token: invited.body.inviteToken },
		});
		expect(accepted.body).toEqual({ websiteId: other.id, role: "admin" });
		const again = await login(server, agent.user.email, agent.password);
		expect(again.websiteIds.sort()).toEqual([websiteId, other.id].sort());
		expect(again.adminWebsiteIds).toEqual([other.id]);
		expect(again.user.name).toBe("Multi");
		const hijack = await rest(server, "POST", "/auth/login", {
			body: { email: agent.user.email, password: "hijacked-pass" },
		});
		expect(hijack.status).toBe(401);
	});

	it("logout ends the session and closes its sockets, not those of other sessions", async () => {
		const agent = await createAgent(server, adminToken, websiteId, "agent");
		const second = await login(server, agent.user.email, agent.password);
		const first = agentClient(agent.token, agent.user.id);
		const other = agentClient(second.token, agent.user.id);
		await first.openSynced(DocumentNames.inbox(websiteId));
		await other.openSynced(DocumentNames.inbox(websiteId));

		const out = await rest(server, "POST", "/auth/logout", { token: agent.token });
		expect(out.status).toBe(204);
		await eventually(() =>
			expect(first.closeEvents[0]).toEqual({
				code: CloseCodes.Unauthorized,
				reason: "unauthorized",
			}),
		);
		expect((await rest(server, "GET", "/auth/me", { token: agent.token })).status).toBe(401);

		// The other session is untouched: its socket still opens documents.
		await other.openSynced(DocumentNames.outbox(`user:${agent.user.id}`));
		expect(other.closeEvents).toEqual([]);
		expect((await rest(server, "GET", "/auth/me", { token: second.token })).status).toBe(200);
	});

	it("refuses an expired session on REST and WebSocket, and closes its open sockets", async () => {
		const agent = await createAgent(server, adminToken, websiteId, "agent");
		const client = agentClient(agent.token, agent.user.id);
		await client.openSynced(DocumentNames.inbox(websiteId));

		await database.db.prisma.session.updateMany({
			where: { userId: agent.user.id },
			data: { expiresAt: new Date(Date.now() - 1_000) },
		});
		// The periodic re-check (every 200 ms here) closes the socket that outlived its session.
		await eventually(() =>
			expect(client.closeEvents[0]).toEqual({
				code: CloseCodes.Unauthorized,
				reason: "session_expired",
			}),
		);
		const me = await rest(server, "GET", "/auth/me", { token: agent.token });
		expect(me.status).toBe(401);
		expect(me.body.error.code).toBe("session_expired");
		const socket = new RawSocket(server.wsUrl);
		await socket.opened;
		socket.ws.send(authFrame(DocumentNames.inbox(websiteId), agent.token));
		expect(await socket.waitForClose()).toEqual({
			code: CloseCodes.Unauthorized,
			reason: "session_expired",
		});
	});

	it("removes an agent from a website (closing their sockets) but never the last admin", async () => {
		const agent = await createAgent(server, adminToken, websiteId, "agent");
		const client = agentClient(agent.token, agent.user.id);
		await client.openSynced(DocumentNames.inbox(websiteId));
		const removed = await rest(server, "DELETE", `/websites/${websiteId}/agents/${agent.user.id}`, {
			token: adminToken,
		});
		expect(removed.status).toBe(204);
		await eventually(() => expect(client.closeEvents.length).toBeGreaterThan(0));
		const me = await rest(server, "GET", "/auth/me", { token: agent.token });
		expect(me.body.websiteIds).toEqual([]);

		const admin = await loginAgent(server);
		const self = await rest(server, "DELETE", `/websites/${websiteId}/agents/${admin.user.id}`, {
			token: adminToken,
		});
		expect(self.status).toBe(409);
	});

	it("lets admins create AI agents that backends post messages and events as", async () => {
		const created = await rest(server, "POST", `/websites/${websiteId}/ai-agents`, {
			token: adminToken,
			body: { name: "Ada", image: "https://cdn.example.com/ada.png" },
		});
		expect(created.status).toBe(201);
		const aiAgentId = created.body.aiAgent.id as string;
		const boot = await bootstrapVisitor(server, server.demo?.publicKey ?? "");
		expect(boot.website.availableAIAgents).toContainEqual({
			id: aiAgentId,
			name: "Ada",
			image: "https://cdn.example.com/ada.png",
		});
		const agent = await createAgent(server, adminToken, websiteId, "agent");
		const denied = await rest(server, "POST", `/websites/${websiteId}/ai-agents`, {
			token: agent.token,
			body: { name: "Rogue" },
		});
		expect(denied.status).toBe(403);

		const visitor: VisitorPrincipal = {
			kind: "visitor",
			visitorId: boot.visitor.id,
			websiteId,
		};
		const conversationId = uuidv7();
		await server.pipeline.submit(visitor, {
			id: uuidv7(),
			type: "conversation.start",
			conversationId,
		});
		const backend: BackendPrincipal = {
			kind: "backend",
			websiteId,
			apiKeyId: "key-of-the-backend",
			aiAgentId,
			name: "Ada",
		};
		const itemId = uuidv7();
		const sent = await server.pipeline.submit(backend, {
			id: uuidv7(),
			type: "message.send",
			conversationId,
			itemId,
			parts: [{ type: "text", text: "Hi, I am Ada." }],
		});
		expect(sent).toMatchObject({ status: "applied" });
		// The AI agent that answered takes part in the conversation, once.
		await server.pipeline.submit(backend, {
			id: uuidv7(),
			type: "message.send",
			conversationId,
			itemId: uuidv7(),
			parts: [{ type: "text", text: "Still here." }],
		});
		const row = await database.db.prisma.conversation.findUniqueOrThrow({
			where: { id: conversationId },
		});
		expect(row.participantIds).toEqual([aiAgentId]);
		const resolved = await server.pipeline.submit(backend, {
			id: uuidv7(),
			type: "conversation.setStatus",
			conversationId,
			status: "resolved",
		});
		expect(resolved).toMatchObject({ status: "applied" });

		const items = await database.db.prisma.timelineItem.findMany({
			where: { conversationId },
			orderBy: { seq: "asc" },
		});
		expect(items.map((i) => [i.type, i.aiAgentId, i.userId, i.visitorId])).toEqual([
			["message", aiAgentId, null, null],
			["message", aiAgentId, null, null],
			["event", aiAgentId, null, null],
		]);
		const event = (items[2]?.parts as TimelineItem["parts"] | undefined)?.[0];
		expect(event).toMatchObject({
			type: "event",
			eventType: "resolved",
			actorUserId: null,
			actorAiAgentId: aiAgentId,
			message: "Ada marked the conversation as resolved",
		});

		// A backend of another website reaches nothing here.
		const stranger = await server.pipeline.submit(
			{ ...backend, websiteId: uuidv7() },
			{ id: uuidv7(), type: "conversation.setPriority", conversationId, priority: "high" },
		);
		expect(stranger).toMatchObject({ status: "rejected", code: "forbidden" });
		// Nor may a backend join as if it were a human agent.
		const join = await server.pipeline.submit(backend, {
			id: uuidv7(),
			type: "conversation.join",
			conversationId,
		});
		expect(join).toMatchObject({ status: "rejected", code: "forbidden" });
	});
});
