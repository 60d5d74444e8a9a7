// Acceptance tests of what the server does with input no well-behaved client sends: malformed
// commands, garbage and oversized WebSocket frames, broken REST requests and a wrong
// environment. Each is refused with a stable code, writes nothing, and leaves everyone else
// (and the next good request) unaffected. Real server, real database, real sockets.

import { randomBytes } from "node:crypto";
import {
	apiErrorBodySchema,
	CloseCodes,
	type CommandResult,
	DocumentNames,
	LIMITS,
	OUTBOX_KEYS,
} from "@cossistant/types";
import * as encoding from "lib0/encoding";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ConfigError, loadConfig } from "../src/config.ts";
import type { SyncServer } from "../src/server.ts";
import { eventually } from "./support/eventually.ts";
import { RawSocket } from "./support/raw-socket.ts";
import { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor, loginAgent, startTestServer } from "./support/test-server.ts";

describe.each(testDatabaseTargets())("bad input on $name", (target) => {
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

	async function visitorClient(on: SyncServer = server) {
		const boot = await bootstrapVisitor(on, demoKey);
		const client = new TestClient({
			wsUrl: on.wsUrl,
			token: boot.visitorToken,
			principal: `visitor:${boot.visitor.id}`,
			publicKey: demoKey,
		});
		clients.push(client);
		return { client, visitorId: boot.visitor.id, token: boot.visitorToken };
	}

	async function agentClient(on: SyncServer = server) {
		const session = await loginAgent(on, server.demo?.agentPassword ?? undefined);
		const client = new TestClient({
			wsUrl: on.wsUrl,
			token: session.token,
			principal: `user:${session.user.id}`,
		});
		clients.push(client);
		return { client, session };
	}

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

	function rawSocket(
		options: { publicKey?: string; origin?: string } = {},
		on: SyncServer = server,
	) {
		const socket = new RawSocket(on.wsUrl, options);
		rawSockets.push(socket);
		return socket;
	}

	/**
	 * A visitor and an agent on one conversation exchange a message each way: proof that the
	 * server still serves everyone else.
	 */
	async function roundTrip(
		visitor: TestClient,
		agent: TestClient,
		conversationId: string,
		label: string,
	): Promise<void> {
		const convDoc = DocumentNames.conversation(conversationId);
		const question = uuidv7();
		visitor.send({
			id: uuidv7(),
			type: "message.send",
			conversationId,
			itemId: question,
			parts: [{ type: "text", text: `question ${label}` }],
		});
		await eventually(() => expect(agent.timeline(convDoc).map((i) => i.id)).toContain(question));
		const answer = uuidv7();
		agent.send({
			id: uuidv7(),
			type: "message.send",
			conversationId,
			itemId: answer,
			parts: [{ type: "text", text: `answer ${label}` }],
		});
		await eventually(() => expect(visitor.timeline(convDoc).map((i) => i.id)).toContain(answer));
	}

	describe("malformed commands in the outbox", () => {
		it("rejects each with a clear code, writes nothing, and applies a good command sent right after", async () => {
			const { client: visitor, visitorId } = await visitorClient();
			const start = await startConversation(visitor, "Hello");
			const { conversationId, itemId: firstItemId } = start;
			const text = (value: string) => [{ type: "text", text: value }];
			const message = (overrides: Record<string, unknown>) => ({
				id: uuidv7(),
				type: "message.send",
				conversationId,
				itemId: uuidv7(),
				parts: text("fine"),
				...overrides,
			});
			// Fits every other rule, but 7 × 9,500 characters is over the command size cap.
			const oversizedParts = Array.from({ length: 7 }, () => ({
				type: "text",
				text: "x".repeat(9_500),
			}));
			expect(JSON.stringify(oversizedParts).length).toBeGreaterThan(LIMITS.maxCommandBytes);

			const cases = [
				{
					name: "missing fields",
					command: { id: uuidv7(), type: "message.send" },
					code: "invalid_command",
					mentions: ["conversationId", "itemId", "parts"],
				},
				{
					name: "wrong types",
					command: message({ conversationId: 42, itemId: true, parts: "hello" }),
					code: "invalid_command",
					mentions: ["conversationId", "itemId", "parts"],
				},
				{
					name: "no parts",
					command: message({ parts: [] }),
					code: "invalid_command",
					mentions: ["parts"],
				},
				{
					name: "too many parts",
					command: message({
						parts: Array.from({ length: LIMITS.maxParts + 1 }, () => text("a")[0]),
					}),
					code: "invalid_command",
					mentions: ["parts"],
				},
				{
					name: "text over maxTextLength",
					command: message({ parts: text("x".repeat(LIMITS.maxTextLength + 1)) }),
					code: "invalid_command",
					mentions: ["parts.0.text"],
				},
				{
					name: "javascript: URL in an image",
					command: message({
						parts: [
							{ type: "image", url: "javascript:alert(document.cookie)", mediaType: "image/png" },
						],
					}),
					code: "invalid_command",
					mentions: ["parts.0.url"],
				},
				{
					name: "unknown part type",
					command: message({
						parts: [{ type: "event", eventType: "resolved", message: "forged" }],
					}),
					code: "invalid_command",
					mentions: ["parts.0"],
				},
				{
					name: "malformed id",
					command: message({ id: "short" }),
					code: "invalid_command",
					mentions: ["id"],
				},
				{
					name: "malformed conversation id",
					command: message({ conversationId: "../../etc/passwd" }),
					code: "invalid_command",
					mentions: ["conversationId"],
				},
				{
					name: "unknown command type",
					command: { id: uuidv7(), type: "conversation.delete", conversationId },
					code: "unknown_command",
					mentions: ["conversation.delete"],
				},
				{
					name: "an Object.prototype name as command type",
					command: { id: uuidv7(), type: "constructor", conversationId },
					code: "unknown_command",
					mentions: ["constructor"],
				},
				{
					name: "under the cap in characters but over it in UTF-8 bytes",
					command: message({
						parts: Array.from({ length: 4 }, () => ({ type: "text", text: "😀".repeat(5_000) })),
					}),
					code: "command_too_large",
					mentions: [String(LIMITS.maxCommandBytes)],
				},
				{
					name: "no command type",
					command: { id: uuidv7(), conversationId },
					code: "unknown_command",
					mentions: ["null"],
				},
				{
					name: "command over maxCommandBytes",
					command: message({ parts: oversizedParts }),
					code: "command_too_large",
					mentions: [String(LIMITS.maxCommandBytes)],
				},
			];
			// Entries the server cannot answer (no usable id): ignored, never applied.
			const unanswerableItemId = uuidv7();
			const unanswerable: unknown[] = [
				42,
				"message.send",
				null,
				true,
				["an", "array"],
				{ type: "message.send", conversationId, itemId: unanswerableItemId, parts: text("no id") },
				{ ...message({}), id: "" },
				{ ...message({}), id: 12345678 },
				{ ...message({}), id: "x".repeat(65) },
			];

			const commands = visitor.outboxDoc.getArray<unknown>(OUTBOX_KEYS.commands);
			for (const { command } of cases) visitor.send(command);
			commands.push(unanswerable);
			const good = message({ parts: text("this one is fine") });
			visitor.send(good);

			expect(await visitor.result(good.id)).toMatchObject({ status: "applied" });
			for (const { name, command, code, mentions } of cases) {
				const result = await visitor.result(command.id as string);
				expect({
					name,
					status: result.status,
					code: result.status === "rejected" && result.code,
				}).toEqual({
					name,
					status: "rejected",
					code,
				});
				const { reason, retryable } = result as Extract<CommandResult, { status: "rejected" }>;
				expect(retryable).toBe(false);
				for (const word of mentions) expect(reason, name).toContain(word);
			}
			const answered = [...visitor.outboxDoc.getMap(OUTBOX_KEYS.results).keys()].sort();
			expect(answered).toEqual(
				[start.commandId, ...cases.map((c) => c.command.id as string), good.id].sort(),
			);

			// Nothing of the malformed commands reached the database; the good one did.
			const items = await database.db.prisma.timelineItem.findMany({
				where: { conversationId },
				orderBy: { seq: "asc" },
			});
			expect(items.map((item) => item.id)).toEqual([firstItemId, good.itemId]);
			expect(
				await database.db.prisma.timelineItem.count({ where: { id: unanswerableItemId } }),
			).toBe(0);
			expect(await database.db.prisma.conversation.count({ where: { visitorId } })).toBe(1);
			expect(
				await database.db.prisma.commandLedger.count({
					where: { id: { in: cases.map((c) => c.command.id as string) } },
				}),
			).toBe(0);
		});
	});

	describe("WebSocket frames", () => {
		/** A well-formed Hocuspocus frame header with a message type that does not exist. */
		function unknownTypeFrame(): Uint8Array {
			const encoder = encoding.createEncoder();
			encoding.writeVarString(encoder, "conv/whatever-document");
			encoding.writeVarUint(encoder, 42);
			return encoding.toUint8Array(encoder);
		}

		it("closes a socket that sends garbage with 4400 while other clients keep working", async () => {
			const { client: visitor } = await visitorClient();
			const { client: agent } = await agentClient();
			const { conversationId } = await startConversation(visitor, "Hi");
			const convDoc = DocumentNames.conversation(conversationId);
			await agent.openSynced(convDoc);
			await visitor.openSynced(convDoc);

			const garbage: Array<{ name: string; frame: Uint8Array | string }> = [
				// A document-name length far beyond the frame, then noise.
				{
					name: "random bytes",
					frame: Buffer.concat([Buffer.from([0xff, 0xff, 0x7f]), randomBytes(61)]),
				},
				{ name: "text frame", frame: "hello server" },
				{ name: "truncated varint", frame: new Uint8Array([0x80]) },
				{ name: "empty frame", frame: new Uint8Array() },
				{ name: "empty document name", frame: new Uint8Array([0x00, 0x00]) },
				{ name: "unknown message type", frame: unknownTypeFrame() },
				{
					name: "invalid UTF-8 in the document name",
					frame: new Uint8Array([0x02, 0xc3, 0x28, 0x00]),
				},
			];
			for (const { name, frame } of garbage) {
				const socket = rawSocket({ publicKey: demoKey });
				await socket.opened;
				socket.ws.send(frame, { binary: typeof frame !== "string" });
				expect({ name, ...(await socket.waitForClose()) }).toEqual({
					name,
					code: CloseCodes.BadRequest,
					reason: "bad_request",
				});
			}

			// The same after a successful authentication: garbage ends that socket, not the server,
			// and a well-formed command sent right behind the garbage is not processed either.
			const intruder = await bootstrapVisitor(server, demoKey);
			const intruderOutbox = DocumentNames.outbox(`visitor:${intruder.visitor.id}`);
			const authenticated = rawSocket({ publicKey: demoKey });
			await authenticated.opened;
			authenticated.authenticate(intruderOutbox, intruder.visitorToken);
			await eventually(() => expect(authenticated.received.length).toBeGreaterThan(0));
			const afterGarbage = uuidv7();
			authenticated.ws.send(randomGarbage());
			authenticated.ws.send(
				outboxUpdateFrame(intruderOutbox, {
					id: uuidv7(),
					type: "conversation.start",
					conversationId: afterGarbage,
				}),
			);
			expect(await authenticated.waitForClose()).toEqual({
				code: CloseCodes.BadRequest,
				reason: "bad_request",
			});

			// Commands go through one queue: once the round trip is through, a command submitted
			// from the closed socket would have been applied already.
			await roundTrip(visitor, agent, conversationId, "after garbage");
			expect(await database.db.prisma.conversation.count({ where: { id: afterGarbage } })).toBe(0);
			expect(visitor.closeEvents).toEqual([]);
			expect(agent.closeEvents).toEqual([]);
		});

		it("closes a socket whose frame exceeds WS_MAX_PAYLOAD with 1009 and keeps serving", async () => {
			const maxPayload = 65_536;
			const small = await startTestServer(database.db, { WS_MAX_PAYLOAD: String(maxPayload) });
			const firstClientOfSmall = clients.length;
			try {
				const { client: visitor, visitorId, token } = await visitorClient(small);
				const { client: agent } = await agentClient(small);
				const { conversationId } = await startConversation(visitor, "Hi");
				await agent.openSynced(DocumentNames.conversation(conversationId));
				await visitor.openSynced(DocumentNames.conversation(conversationId));

				// Raw noise over the cap, before authenticating.
				const noisy = rawSocket({ publicKey: demoKey }, small);
				await noisy.opened;
				noisy.ws.send(randomBytes(maxPayload + 1));
				expect((await noisy.waitForClose()).code).toBe(1009);

				// A well-formed, authenticated outbox update over the cap.
				const bulky = rawSocket({ publicKey: demoKey }, small);
				await bulky.opened;
				const outbox = DocumentNames.outbox(`visitor:${visitorId}`);
				bulky.authenticate(outbox, token);
				await eventually(() => expect(bulky.received.length).toBeGreaterThan(0));
				const oversized = {
					id: uuidv7(),
					type: "message.send",
					conversationId,
					itemId: uuidv7(),
					parts: [{ type: "text", text: "x".repeat(maxPayload) }],
				};
				bulky.ws.send(outboxUpdateFrame(outbox, oversized));
				expect((await bulky.waitForClose()).code).toBe(1009);

				await roundTrip(visitor, agent, conversationId, "after an oversized frame");
				expect(visitor.closeEvents).toEqual([]);
				const health = await fetch(`${small.url}/healthz`);
				expect(health.status).toBe(200);
				expect(
					await database.db.prisma.timelineItem.count({ where: { id: oversized.itemId } }),
				).toBe(0);
			} finally {
				for (const client of clients.splice(firstClientOfSmall)) client.destroy();
				await small.stop();
			}
		});
	});

	describe("REST", () => {
		async function post(path: string, body: string, contentType = "application/json") {
			const response = await fetch(`${server.apiUrl}${path}`, {
				method: "POST",
				headers: { "content-type": contentType },
				body,
			});
			return { status: response.status, body: apiErrorBodySchema.parse(await response.json()) };
		}

		it("answers an unreadable JSON body with 400 bad_request", async () => {
			const { status, body } = await post(
				"/auth/login",
				'{"email": "admin@example.com", "password": ',
			);
			expect(status).toBe(400);
			expect(body.error.code).toBe("bad_request");
			expect(body.error.message).not.toMatch(/SyntaxError|at .*\.js/);
		});

		it("answers a body that fails validation with 400 validation_failed and the fields", async () => {
			const { status, body } = await post(
				"/auth/login",
				JSON.stringify({ email: "not-an-email", password: 42 }),
			);
			expect(status).toBe(400);
			expect(body.error.code).toBe("validation_failed");
			const paths = (body.error.details as Array<{ path: string; message: string }>).map(
				(d) => d.path,
			);
			expect(paths.sort()).toEqual(["email", "password"]);

			const noBody = await post("/auth/login", "email=a@b.c", "text/plain");
			expect(noBody.status).toBe(400);
			expect(noBody.body.error.code).toBe("validation_failed");
		});

		it("answers a body over the size limit with 413 payload_too_large", async () => {
			const { status, body } = await post(
				"/auth/login",
				JSON.stringify({ email: "a@example.com", password: "x".repeat(300 * 1024) }),
			);
			expect(status).toBe(413);
			expect(body.error.code).toBe("payload_too_large");
		});

		it("answers unknown routes with 404 not_found in the same JSON shape", async () => {
			for (const [method, path] of [
				["GET", "/v1/no-such-route"],
				["DELETE", "/v1/websites"],
				["GET", "/no-such-page"],
			] as const) {
				const response = await fetch(`${server.url}${path}`, { method });
				expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
				expect(apiErrorBodySchema.parse(await response.json()).error.code).toBe("not_found");
			}
		});

		it("answers a wrong password and an unknown email alike with 401 invalid_credentials", async () => {
			const wrong = await post(
				"/auth/login",
				JSON.stringify({ email: server.demo?.agentEmail, password: "definitely-not-it" }),
			);
			expect(wrong.status).toBe(401);
			expect(wrong.body.error.code).toBe("invalid_credentials");

			const unknown = await post(
				"/auth/login",
				JSON.stringify({ email: "nobody@example.com", password: "definitely-not-it" }),
			);
			expect(unknown.status).toBe(401);
			expect(unknown.body.error).toEqual(wrong.body.error);
		});
	});
});

describe("configuration", () => {
	function configErrorOf(env: Record<string, string>): ConfigError {
		try {
			loadConfig(env);
		} catch (error) {
			expect(error).toBeInstanceOf(ConfigError);
			return error as ConfigError;
		}
		throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
	}

	it.each([
		["PORT", "abc"],
		["PORT", "70000"],
		["DATABASE_URL", "mysql://x"],
		["LOG_LEVEL", "loud"],
		["WS_MAX_PAYLOAD", "10"],
		["SEED_DEMO", "maybe"],
		["AUTH_SECRET", "too-short"],
	])("refuses %s=%s with a message naming the variable", (name, value) => {
		const error = configErrorOf({ [name]: value });
		expect(error.message).toContain(name);
		expect(error.message).toContain(JSON.stringify(value));
	});

	it("names every wrong variable at once", () => {
		const error = configErrorOf({ PORT: "abc", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
		for (const name of ["PORT", "DATABASE_URL", "LOG_LEVEL"]) expect(error.message).toContain(name);
	});
});

function randomGarbage(): Uint8Array {
	return Buffer.concat([Buffer.from([0xff, 0xff, 0x7f]), randomBytes(29)]);
}

/** A Hocuspocus sync "update" frame that appends `command` to the outbox `documentName`. */
function outboxUpdateFrame(documentName: string, command: Record<string, unknown>): Uint8Array {
	const doc = new Y.Doc();
	doc.getArray(OUTBOX_KEYS.commands).push([command]);
	const encoder = encoding.createEncoder();
	encoding.writeVarString(encoder, documentName);
	encoding.writeVarUint(encoder, 0); // MessageType.Sync
	encoding.writeVarUint(encoder, 2); // y-protocols messageYjsUpdate
	encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
	return encoding.toUint8Array(encoder);
}
