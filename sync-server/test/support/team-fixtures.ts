import { DocumentNames, type LoginResponse } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { hashPassword } from "../../src/auth/passwords.ts";
import { openSession } from "../../src/auth/sessions.ts";
import type { SyncServer } from "../../src/server.ts";
import { type RestResponse, rest } from "./rest.ts";
import {
	createTestWebsite,
	createVisitor,
	type TestVisitor,
	type TestWebsite,
	visitorClient,
} from "./support-fixtures.ts";
import type { TestClient } from "./test-client.ts";

/** A website with its keys, an admin agent's session and an AI agent: one tenant. */
export interface TeamSite extends TestWebsite {
	/** An admin member of this website only. */
	agent: LoginResponse;
	aiAgentId: string;
}

/** Creates a tenant: website and keys (support-fixtures), an admin agent and an AI agent. */
export async function createTeamSite(server: SyncServer, name = "Sarah"): Promise<TeamSite> {
	const db = server.db;
	const site = await createTestWebsite(db);
	const userId = uuidv7();
	await db.prisma.user.create({
		data: {
			id: userId,
			email: `${userId}@example.com`,
			name,
			passwordHash: await hashPassword(uuidv7()),
			memberships: { create: { websiteId: site.websiteId, role: "admin" } },
		},
	});
	const agent = await openSession(db, userId, 3_600_000);
	const aiAgentId = uuidv7();
	await db.prisma.aiAgent.create({
		data: { id: aiAgentId, websiteId: site.websiteId, name: "Ada" },
	});
	return { ...site, agent, aiAgentId };
}

/** Adds another agent (role `agent`) to a tenant and returns its session. */
export async function addAgent(server: SyncServer, site: TeamSite, name: string) {
	const userId = uuidv7();
	await server.db.prisma.user.create({
		data: {
			id: userId,
			email: `${userId}@example.com`,
			name,
			passwordHash: "scrypt$unused",
			memberships: { create: { websiteId: site.websiteId, role: "agent" } },
		},
	});
	return openSession(server.db, userId, 3_600_000);
}

/** A REST caller of the private API with one credential (a private key or a session token). */
export function teamApi(server: SyncServer, token: string, headers: Record<string, string> = {}) {
	const call = (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) =>
		rest(server, method, path, { token, body, headers: { ...headers, ...extra } });
	return {
		get: (path: string, extra?: Record<string, string>) => call("GET", path, undefined, extra),
		post: (path: string, body?: unknown, extra?: Record<string, string>) =>
			call("POST", path, body ?? {}, extra),
		patch: (path: string, body: unknown, extra?: Record<string, string>) =>
			call("PATCH", path, body, extra),
	};
}

export type TeamApi = ReturnType<typeof teamApi>;

/** Asserts a 2xx and returns the body (the error text otherwise, for a readable failure). */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
export function ok(response: Pick<RestResponse, "status" | "body"> & { text?: string }): any {
	if (response.status < 200 || response.status >= 300) {
		const text = response.text ?? JSON.stringify(response.body);
		throw new Error(`expected 2xx, got ${response.status}: ${text}`);
	}
	return response.body;
}

/** A visitor of `site` with an open widget and a conversation it started (synced replica). */
export async function visitorWithConversation(
	server: SyncServer,
	site: TestWebsite,
	clients: TestClient[],
	text = "Hello",
): Promise<{ visitor: TestVisitor; client: TestClient; conversationId: string }> {
	const visitor = await createVisitor(server, site);
	const client = visitorClient(server, visitor);
	clients.push(client);
	const conversationId = uuidv7();
	const id = uuidv7();
	client.send({
		id,
		type: "conversation.start",
		conversationId,
		initialMessage: { itemId: uuidv7(), parts: [{ type: "text", text }] },
	});
	const result = await client.result(id);
	if (result.status !== "applied") throw new Error(`start: ${JSON.stringify(result)}`);
	await client.openSynced(DocumentNames.conversation(conversationId));
	return { visitor, client, conversationId };
}
