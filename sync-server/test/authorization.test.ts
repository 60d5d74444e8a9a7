// Acceptance tests of who may read and write what (docs/architecture.md, "Documents and who
// writes them" and "Identity and trust"), against a real server, a real database and real
// WebSockets. Every refusal is checked for its stable code and for what did NOT happen.

import { randomBytes } from "node:crypto";
import {
	apiErrorBodySchema,
	CloseCodes,
	CONVERSATION_DOC_KEYS,
	DocumentNames,
	HEADERS,
	type TimelineItem,
} from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { generateApiKey } from "../src/auth/api-keys.ts";
import { randomToken, sha256Hex } from "../src/auth/crypto-helpers.ts";
import { VisitorTokenSigner } from "../src/auth/visitor-token.ts";
import type { SyncServer } from "../src/server.ts";
import { eventually } from "./support/eventually.ts";
import { RawSocket } from "./support/raw-socket.ts";
import { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor, loginAgent, startTestServer } from "./support/test-server.ts";

/** An empty Yjs document encodes to these two bytes: a replica that received no content. */
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

describe.each(testDatabaseTargets())("authorization on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let demoKey: string;
	const clients: TestClient[] = [];
	const rawSockets: RawSocket[] = [];

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
		demoKey = server.demo?.publicKey ?? "";
	});

	afterAll(async () => {
		for (const client of clients) client.destroy();
		for (const socket of rawSockets) socket.close();
		await server.stop();
		await database.drop();
	});

	async function visitorClient(publicKey = demoKey, origin?: string) {
		const boot = await bootstrapVisitor(server, publicKey, { origin });
		const client = new TestClient({
			wsUrl: server.wsUrl,
			token: boot.visitorToken,
			principal: `visitor:${boot.visitor.id}`,
			publicKey,
			origin,
		});
		clients.push(client);
		return {
			client,
			visitorId: boot.visitor.id,
			token: boot.visitorToken,
			websiteId: boot.website.id,
		};
	}

	async function agentClient() {
		const session = await loginAgent(server);
		const client = new TestClient({
			wsUrl: server.wsUrl,
			token: session.token,
			principal: `user:${session.user.id}`,
		});
		clients.push(client);
		return { client, session };
	}

	/** Starts a conversation with a first message and waits until it is applied. */
	async function startConversation(client: TestClient, text: string) {
		const conversationId = uuidv7();
		const itemId = uuidv7();
		const commandId = uuidv7();
		client.send({
			id: commandId,
			type: "conversation.start",
			conversationId,
			initialMessage: { itemId, parts: [{ type: "text", text }] },
		});
		expect(await client.result(commandId)).toMatchObject({ status: "applied" });
		return { conversationId, itemId, commandId };
	}

	function rawSocket(options: { publicKey?: string; origin?: string } = {}) {
		const socket = new RawSocket(server.wsUrl, options);
		rawSockets.push(socket);
		return socket;
	}

	/** A second website with its own public test key (what another customer has). */
	async function createWebsite(options: {
		environment: "test" | "live";
		allowedOrigins: string[];
	}) {
		const websiteId = uuidv7();
		const key = generateApiKey("public", options.environment);
		await database.db.prisma.website.create({
			data: {
				id: websiteId,
				name: `Website ${websiteId}`,
				allowedOrigins: options.allowedOrigins,
				identitySecret: randomToken(32),
			},
		});
		const apiKey = await database.db.prisma.apiKey.create({
			data: {
				id: uuidv7(),
				websiteId,
				kind: "public",
				environment: options.environment,
				name: "Test key",
				prefix: key.prefix,
				keyHash: key.hash,
				publicValue: key.value,
			},
		});
		return { websiteId, publicKey: key.value, apiKeyId: apiKey.id };
	}

	function timelineIds(doc: Y.Doc): string[] {
		return doc
			.getArray<TimelineItem>(CONVERSATION_DOC_KEYS.timeline)
			.toArray()
			.map((item) => item.id);
	}

	describe("documents", () => {
		it("refuses another visitor's conversation, visitor and outbox documents; the socket stays usable", async () => {
			const bob = await visitorClient();
			const bobConversation = await startConversation(bob.client, "Bob's private question");

			const alice = await visitorClient();
			const foreignDocs = [
				DocumentNames.conversation(bobConversation.conversationId),
				DocumentNames.visitor(bob.visitorId),
				DocumentNames.outbox(`visitor:${bob.visitorId}`),
			];
			for (const name of foreignDocs) alice.client.open(name);

			const failures = await eventually(() => {
				expect(alice.client.authFailures).toHaveLength(foreignDocs.length);
				return alice.client.authFailures;
			});
			expect(failures.map((f) => f.document).sort()).toEqual([...foreignDocs].sort());
			for (const failure of failures) expect(["forbidden", "not_found"]).toContain(failure.reason);

			// Alice's replicas of Bob's documents stayed empty: not one byte of Bob's content.
			for (const name of foreignDocs) {
				expect(Y.encodeStateAsUpdate(alice.client.doc(name))).toEqual(EMPTY_UPDATE);
				expect(alice.client.open(name).isSynced).toBe(false);
			}

			// The refusals were per document: Alice's socket still serves her own documents.
			const own = await startConversation(alice.client, "Alice's own question");
			const ownDoc = DocumentNames.conversation(own.conversationId);
			await alice.client.openSynced(ownDoc);
			expect(timelineIds(alice.client.doc(ownDoc))).toEqual([own.itemId]);
			expect(alice.client.closeEvents).toEqual([]);
		});

		it("refuses a visitor the private notes of its own conversation and the website's inbox", async () => {
			const visitor = await visitorClient();
			const { conversationId } = await startConversation(visitor.client, "Hello");
			const { client: agent } = await agentClient();
			const noteId = uuidv7();
			agent.send({
				id: noteId,
				type: "note.add",
				conversationId,
				itemId: uuidv7(),
				parts: [{ type: "text", text: "internal: this customer is on the legacy plan" }],
			});
			expect(await agent.result(noteId)).toMatchObject({ status: "applied" });

			const privateDoc = DocumentNames.conversationPrivate(conversationId);
			const inboxDoc = DocumentNames.inbox(visitor.websiteId);
			visitor.client.open(privateDoc);
			visitor.client.open(inboxDoc);

			const failures = await eventually(() => {
				expect(visitor.client.authFailures).toHaveLength(2);
				return visitor.client.authFailures;
			});
			expect(failures).toEqual(
				expect.arrayContaining([
					{ document: privateDoc, reason: "forbidden" },
					{ document: inboxDoc, reason: "forbidden" },
				]),
			);
			expect(Y.encodeStateAsUpdate(visitor.client.doc(privateDoc))).toEqual(EMPTY_UPDATE);
			expect(Y.encodeStateAsUpdate(visitor.client.doc(inboxDoc))).toEqual(EMPTY_UPDATE);
		});

		it("refuses an agent the documents of a website it is not a member of, and other agents' outboxes", async () => {
			const other = await createWebsite({ environment: "test", allowedOrigins: [] });
			const stranger = await visitorClient(other.publicKey);
			const { conversationId } = await startConversation(
				stranger.client,
				"a customer of another website",
			);
			const { client: agent, session } = await agentClient();

			const foreignDocs = [
				DocumentNames.conversation(conversationId),
				DocumentNames.conversationPrivate(conversationId),
				DocumentNames.visitor(stranger.visitorId),
				DocumentNames.inbox(other.websiteId),
				DocumentNames.outbox(`user:${uuidv7()}`),
			];
			for (const name of foreignDocs) agent.open(name);
			await eventually(() => expect(agent.authFailures).toHaveLength(foreignDocs.length));
			for (const failure of agent.authFailures) expect(failure.reason).toBe("forbidden");
			for (const name of foreignDocs) {
				expect(Y.encodeStateAsUpdate(agent.doc(name))).toEqual(EMPTY_UPDATE);
			}

			// Nor can the agent act on that conversation through commands.
			const reply = { id: uuidv7(), itemId: uuidv7() };
			agent.send({
				id: reply.id,
				type: "message.send",
				conversationId,
				itemId: reply.itemId,
				parts: [{ type: "text", text: "hello from the wrong team" }],
			});
			expect(await agent.result(reply.id)).toMatchObject({ status: "rejected", code: "forbidden" });
			expect(await database.db.prisma.timelineItem.count({ where: { id: reply.itemId } })).toBe(0);
			// Its own website's inbox still opens on the same socket.
			await agent.openSynced(DocumentNames.inbox(session.websiteIds[0] ?? ""));
		});

		it("logs refusals through the server's logger instead of printing them to stderr", async () => {
			const printed = vi.spyOn(console, "error");
			try {
				const visitor = await visitorClient();
				const bob = await visitorClient();
				visitor.client.open(DocumentNames.visitor(bob.visitorId));
				await eventually(() => expect(visitor.client.authFailures).toHaveLength(1));
				expect(printed).not.toHaveBeenCalled();
			} finally {
				printed.mockRestore();
			}
		});

		it("ignores a visitor's direct write to its own (read-only) conversation document", async () => {
			const visitor = await visitorClient();
			const { conversationId, itemId: firstItemId } = await startConversation(visitor.client, "Hi");
			const convDoc = DocumentNames.conversation(conversationId);
			const { client: agent, session } = await agentClient();
			await agent.openSynced(convDoc);
			await visitor.client.openSynced(convDoc);
			const updatesBefore = await database.db.prisma.docUpdate.count({
				where: { docName: convDoc },
			});

			// The visitor forges an agent's message and a status change straight into its replica.
			const forgedId = uuidv7();
			const replica = visitor.client.doc(convDoc);
			replica.transact(() => {
				replica.getArray<TimelineItem>(CONVERSATION_DOC_KEYS.timeline).push([
					{
						id: forgedId,
						conversationId,
						seq: 2,
						type: "message",
						parts: [{ type: "text", text: "Refund approved! (forged)" }],
						visibility: "public",
						visitorId: null,
						userId: session.user.id,
						aiAgentId: null,
						createdAt: new Date().toISOString(),
						updatedAt: new Date().toISOString(),
					},
				]);
				replica.getMap(CONVERSATION_DOC_KEYS.meta).set("status", "resolved");
			});

			// A legitimate message sent afterwards is the barrier: once the agent has it, the forged
			// update had every chance to arrive first.
			const legitItemId = uuidv7();
			const send = uuidv7();
			visitor.client.send({
				id: send,
				type: "message.send",
				conversationId,
				itemId: legitItemId,
				parts: [{ type: "text", text: "a real message" }],
			});
			expect(await visitor.client.result(send)).toMatchObject({ status: "applied" });
			await eventually(() => expect(timelineIds(agent.doc(convDoc))).toContain(legitItemId));

			expect(timelineIds(agent.doc(convDoc))).toEqual([firstItemId, legitItemId]);
			expect(agent.doc(convDoc).getMap(CONVERSATION_DOC_KEYS.meta).get("status")).toBe("open");

			const serverDoc = server.hocuspocus.documents.get(convDoc);
			expect(serverDoc).toBeDefined();
			expect(timelineIds(serverDoc as Y.Doc)).toEqual([firstItemId, legitItemId]);
			expect((serverDoc as Y.Doc).getMap(CONVERSATION_DOC_KEYS.meta).get("status")).toBe("open");

			const rows = await database.db.prisma.timelineItem.findMany({
				where: { conversationId },
				orderBy: { seq: "asc" },
			});
			expect(rows.map((row) => row.id)).toEqual([firstItemId, legitItemId]);
			const conversation = await database.db.prisma.conversation.findUniqueOrThrow({
				where: { id: conversationId },
			});
			expect(conversation.status).toBe("open");
			// Only the pipeline's own update was logged for the document.
			expect(await database.db.prisma.docUpdate.count({ where: { docName: convDoc } })).toBe(
				updatesBefore + 1,
			);
		});
	});

	describe("commands", () => {
		it("rejects agent commands from a visitor with forbidden and writes nothing", async () => {
			const visitor = await visitorClient();
			const { conversationId, itemId } = await startConversation(visitor.client, "Hello");
			const before = await database.db.prisma.conversation.findUniqueOrThrow({
				where: { id: conversationId },
			});

			const noteItemId = uuidv7();
			const agentCommands = [
				{ type: "note.add", itemId: noteItemId, parts: [{ type: "text", text: "fake note" }] },
				{ type: "conversation.setStatus", status: "resolved" },
				{ type: "conversation.setPriority", priority: "urgent" },
				{ type: "conversation.addTag", tag: "vip" },
				{ type: "conversation.removeTag", tag: "vip" },
				{ type: "conversation.join" },
				{ type: "conversation.leave" },
			].map((command) => ({ id: uuidv7(), conversationId, ...command }));
			for (const command of agentCommands) visitor.client.send(command);

			for (const command of agentCommands) {
				const result = await visitor.client.result(command.id);
				expect(result).toMatchObject({ status: "rejected", code: "forbidden", retryable: false });
				expect(result.status === "rejected" && result.reason).toContain(command.type);
			}

			const after = await database.db.prisma.conversation.findUniqueOrThrow({
				where: { id: conversationId },
			});
			expect(after).toEqual(before);
			const items = await database.db.prisma.timelineItem.findMany({ where: { conversationId } });
			expect(items.map((item) => item.id)).toEqual([itemId]);
			expect(
				await database.db.prisma.commandLedger.count({
					where: { id: { in: agentCommands.map((c) => c.id) } },
				}),
			).toBe(0);
		});

		it("rejects posting into another visitor's conversation and reusing its id", async () => {
			const bob = await visitorClient();
			const bobConversation = await startConversation(bob.client, "Bob here");
			const alice = await visitorClient();

			const intrusion = { id: uuidv7(), itemId: uuidv7() };
			alice.client.send({
				id: intrusion.id,
				type: "message.send",
				conversationId: bobConversation.conversationId,
				itemId: intrusion.itemId,
				parts: [{ type: "text", text: "Alice was here" }],
			});
			expect(await alice.client.result(intrusion.id)).toMatchObject({
				status: "rejected",
				code: "not_found",
			});

			const takeover = { id: uuidv7(), itemId: uuidv7() };
			alice.client.send({
				id: takeover.id,
				type: "conversation.start",
				conversationId: bobConversation.conversationId,
				initialMessage: { itemId: takeover.itemId, parts: [{ type: "text", text: "mine now" }] },
			});
			expect(await alice.client.result(takeover.id)).toMatchObject({
				status: "rejected",
				code: "conflict",
			});

			const conversation = await database.db.prisma.conversation.findUniqueOrThrow({
				where: { id: bobConversation.conversationId },
			});
			expect(conversation.visitorId).toBe(bob.visitorId);
			const items = await database.db.prisma.timelineItem.findMany({
				where: { conversationId: bobConversation.conversationId },
			});
			expect(items.map((item) => item.id)).toEqual([bobConversation.itemId]);
			expect(
				await database.db.prisma.timelineItem.count({
					where: { id: { in: [intrusion.itemId, takeover.itemId] } },
				}),
			).toBe(0);
		});
	});

	describe("forged attribution", () => {
		it("refuses another principal's command id without revealing that command's outcome", async () => {
			const bob = await visitorClient();
			const bobConversation = await startConversation(bob.client, "Bob here");
			const alice = await visitorClient();
			const aliceConversation = await startConversation(alice.client, "Alice here");

			// Alice reuses the id of Bob's (applied) start command for her own message.
			const reused = {
				id: bobConversation.commandId,
				type: "message.send",
				conversationId: aliceConversation.conversationId,
				itemId: uuidv7(),
				parts: [{ type: "text", text: "same id" }],
			};
			alice.client.send(reused);
			expect(await alice.client.result(reused.id)).toMatchObject({
				status: "rejected",
				code: "conflict",
			});
			expect(await database.db.prisma.timelineItem.count({ where: { id: reused.itemId } })).toBe(0);
		});

		it("never attributes a visitor's welcome messages to a real agent", async () => {
			const visitor = await visitorClient();
			const agent = await agentClient();
			const conversationId = uuidv7();
			const start = uuidv7();
			visitor.client.send({
				id: start,
				type: "conversation.start",
				conversationId,
				defaultMessages: [
					{
						content: "Refund approved",
						senderType: "team_member",
						senderId: agent.session.user.id,
					},
					{ content: "I am the AI", senderType: "ai", senderId: "some-ai-agent" },
				],
			});
			expect(await visitor.client.result(start)).toMatchObject({ status: "applied" });
			const items = await database.db.prisma.timelineItem.findMany({ where: { conversationId } });
			expect(items).toHaveLength(2);
			for (const item of items)
				expect(item).toMatchObject({ userId: null, aiAgentId: null, visitorId: null });
		});
	});

	describe("socket credentials", () => {
		it("closes a socket with 4401 and a stable reason for every bad token", async () => {
			const alice = await bootstrapVisitor(server, demoKey);
			const bob = await bootstrapVisitor(server, demoKey);
			const other = await createWebsite({ environment: "test", allowedOrigins: [] });
			const stranger = await bootstrapVisitor(server, other.publicKey);
			const { user } = await loginAgent(server);
			const expiredToken = `st_${randomToken(32)}`;
			await database.db.prisma.session.create({
				data: {
					id: uuidv7(),
					userId: user.id,
					tokenHash: sha256Hex(expiredToken),
					expiresAt: new Date(Date.now() - 60_000),
				},
			});
			// Right format, right claims, signed with a secret that is not the server's.
			const forged = new VisitorTokenSigner(randomToken(48)).sign(
				alice.visitor.id,
				alice.website.id,
			);
			// Bob's genuine signature glued to a payload naming Alice.
			const [, alicePayload] = alice.visitorToken.split(".");
			const [prefix, , bobMac] = bob.visitorToken.split(".");
			const spliced = `${prefix}.${alicePayload}.${bobMac}`;

			const cases = [
				{
					name: "garbage visitor token",
					token: "vt1.not-a-payload.not-a-mac",
					reason: "unauthorized",
				},
				{ name: "forged visitor token", token: forged, reason: "unauthorized" },
				{ name: "spliced visitor token", token: spliced, reason: "unauthorized" },
				{
					name: "visitor token of another website",
					token: stranger.visitorToken,
					visitorId: stranger.visitor.id,
					reason: "unauthorized",
				},
				{
					name: "visitor token without a public key",
					token: alice.visitorToken,
					publicKey: null,
					reason: "missing_public_key",
				},
				{ name: "missing token", token: "", reason: "unauthorized" },
				{ name: "unknown session token", token: `st_${randomToken(32)}`, reason: "unauthorized" },
				{ name: "expired session token", token: expiredToken, reason: "session_expired" },
			];

			for (const testCase of cases) {
				const publicKey = testCase.publicKey === null ? undefined : demoKey;
				const socket = rawSocket({ publicKey });
				await socket.opened;
				socket.authenticate(
					DocumentNames.outbox(`visitor:${testCase.visitorId ?? alice.visitor.id}`),
					testCase.token,
				);
				const closed = await socket.waitForClose();
				expect({ case: testCase.name, ...closed }).toEqual({
					case: testCase.name,
					code: CloseCodes.Unauthorized,
					reason: testCase.reason,
				});
			}
		});

		it("tells the provider why its socket was closed", async () => {
			const alice = await bootstrapVisitor(server, demoKey);
			const client = new TestClient({
				wsUrl: server.wsUrl,
				token: new VisitorTokenSigner(randomToken(48)).sign(alice.visitor.id, alice.website.id),
				principal: `visitor:${alice.visitor.id}`,
				publicKey: demoKey,
			});
			clients.push(client);
			await eventually(() =>
				expect(client.closeEvents[0]).toEqual({
					code: CloseCodes.Unauthorized,
					reason: "unauthorized",
				}),
			);
			client.destroy();
		});
	});

	describe("public keys and origins", () => {
		async function getWebsites(headers: Record<string, string>) {
			const response = await fetch(`${server.apiUrl}/websites`, { headers });
			return { status: response.status, body: (await response.json()) as unknown };
		}

		function errorCode(body: unknown): string {
			return apiErrorBodySchema.parse(body).error.code;
		}

		it("refuses unknown, malformed, private, revoked and missing keys", async () => {
			const unknown = await getWebsites({ [HEADERS.publicKey]: `pk_test_${randomToken(24)}` });
			expect(unknown.status).toBe(401);
			expect(errorCode(unknown.body)).toBe("invalid_api_key");

			for (const malformed of ["not-a-key", "pk_test_short", "pk_prod_abcdefghijklmnopqrstuvwx"]) {
				const response = await getWebsites({ [HEADERS.publicKey]: malformed });
				expect({ key: malformed, status: response.status, code: errorCode(response.body) }).toEqual(
					{
						key: malformed,
						status: 401,
						code: "invalid_api_key",
					},
				);
			}

			// A private key is never a public key, even a well-formed one.
			const secret = await getWebsites({
				[HEADERS.publicKey]: generateApiKey("private", "test").value,
			});
			expect(secret.status).toBe(401);
			expect(errorCode(secret.body)).toBe("invalid_api_key");

			const revoked = await createWebsite({ environment: "test", allowedOrigins: [] });
			await database.db.prisma.apiKey.update({
				where: { id: revoked.apiKeyId },
				data: { revokedAt: new Date() },
			});
			const revokedResponse = await getWebsites({ [HEADERS.publicKey]: revoked.publicKey });
			expect(revokedResponse.status).toBe(401);
			expect(errorCode(revokedResponse.body)).toBe("invalid_api_key");

			const missing = await getWebsites({});
			expect(missing.status).toBe(401);
			expect(errorCode(missing.body)).toBe("missing_public_key");
		});

		it("accepts a test key from localhost and refuses it from a foreign origin", async () => {
			const local = await getWebsites({
				[HEADERS.publicKey]: demoKey,
				origin: "http://localhost:4321",
			});
			expect(local.status).toBe(200);

			const evil = await getWebsites({
				[HEADERS.publicKey]: demoKey,
				origin: "https://evil.example",
			});
			expect(evil.status).toBe(403);
			expect(errorCode(evil.body)).toBe("origin_not_allowed");
		});

		it("accepts a live key only from its allowed origins and wildcards, with the same protocol", async () => {
			const live = await createWebsite({
				environment: "live",
				// Entries as an admin may type them: a trailing slash is tolerated on either kind.
				allowedOrigins: [
					"https://shop.acme.test",
					"https://*.example.com",
					"https://*.partner.test/",
				],
			});
			const allowed = [
				"https://shop.acme.test",
				"https://app.example.com",
				"https://eu.app.example.com",
				"https://help.partner.test",
			];
			for (const origin of allowed) {
				const response = await getWebsites({ [HEADERS.publicKey]: live.publicKey, origin });
				expect({ origin, status: response.status }).toEqual({ origin, status: 200 });
			}

			const refused = [
				"http://shop.acme.test", // protocol mismatch with an exact entry
				"http://app.example.com", // protocol mismatch with a wildcard
				"https://shop.acme.test:8443", // another port is another origin
				"https://example.com", // a wildcard covers subdomains, not the domain itself
				"https://evilexample.com",
				"https://app.example.com.evil.test",
				"http://help.partner.test",
				"http://localhost:3000", // localhost is for test keys only
				"null",
			];
			for (const origin of refused) {
				const response = await getWebsites({ [HEADERS.publicKey]: live.publicKey, origin });
				expect({ origin, status: response.status, code: errorCode(response.body) }).toEqual({
					origin,
					status: 403,
					code: "origin_not_allowed",
				});
			}
			// Without an Origin header (a server, curl) a live key is refused too.
			const noOrigin = await getWebsites({ [HEADERS.publicKey]: live.publicKey });
			expect(noOrigin.status).toBe(403);
			expect(errorCode(noOrigin.body)).toBe("origin_not_allowed");
		});

		it("checks the key and origin on the WebSocket upgrade", async () => {
			const evil = rawSocket({ publicKey: demoKey, origin: "https://evil.example" });
			expect(await evil.waitForClose()).toEqual({
				code: CloseCodes.Forbidden,
				reason: "origin_not_allowed",
			});

			const unknown = rawSocket({ publicKey: `pk_test_${randomToken(24)}` });
			expect(await unknown.waitForClose()).toEqual({
				code: CloseCodes.Unauthorized,
				reason: "invalid_api_key",
			});

			const malformed = rawSocket({ publicKey: "nonsense" });
			expect(await malformed.waitForClose()).toEqual({
				code: CloseCodes.Unauthorized,
				reason: "invalid_api_key",
			});

			// The same live key works over the socket from an allowed origin.
			const live = await createWebsite({
				environment: "live",
				allowedOrigins: ["https://*.example.com"],
			});
			const visitor = await visitorClient(live.publicKey, "https://help.example.com");
			const { conversationId } = await startConversation(visitor.client, "from a live site");
			const row = await database.db.prisma.conversation.findUniqueOrThrow({
				where: { id: conversationId },
			});
			expect(row.websiteId).toBe(live.websiteId);
		});
	});

	describe("visitor tokens on the REST API", () => {
		it("resumes the same visitor with its token and starts a new one for an invalid token", async () => {
			const first = await bootstrapVisitor(server, demoKey);
			const resumed = await bootstrapVisitor(server, demoKey, { visitorToken: first.visitorToken });
			expect(resumed.visitor.id).toBe(first.visitor.id);

			const forged = new VisitorTokenSigner(randomToken(48)).sign(
				first.visitor.id,
				first.website.id,
			);
			for (const token of ["garbage", `vt1.${randomBytes(12).toString("base64url")}.x`, forged]) {
				const fresh = await bootstrapVisitor(server, demoKey, { visitorToken: token });
				expect(fresh.visitor.id).not.toBe(first.visitor.id);
				expect(fresh.visitorToken).not.toBe(token);
			}

			// A genuine token of another website does not resume a visitor here either.
			const other = await createWebsite({ environment: "test", allowedOrigins: [] });
			const stranger = await bootstrapVisitor(server, other.publicKey);
			const elsewhere = await bootstrapVisitor(server, demoKey, {
				visitorToken: stranger.visitorToken,
			});
			expect(elsewhere.visitor.id).not.toBe(stranger.visitor.id);
			const row = await database.db.prisma.visitor.findUniqueOrThrow({
				where: { id: elsewhere.visitor.id },
			});
			expect(row.websiteId).toBe(first.website.id);
		});
	});
});
