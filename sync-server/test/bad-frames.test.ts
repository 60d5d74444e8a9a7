// Garbage, unknown and oversized WebSocket frames: the offending socket is closed with a stable
// code while everyone else keeps being served. Real server, real database, real sockets.

import { randomBytes } from "node:crypto";
import { CloseCodes, DocumentNames, OUTBOX_KEYS } from "@cossistant/types";
import * as encoding from "lib0/encoding";
import { uuidv7 } from "uuidv7";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { eventually } from "./support/eventually.ts";
import { ServerFixture, startConversation } from "./support/server-fixture.ts";
import type { TestClient } from "./support/test-client.ts";
import { testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor, startTestServer } from "./support/test-server.ts";

describe.each(testDatabaseTargets())("bad WebSocket frames on $name", (target) => {
	const fx = ServerFixture.use(target);

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

	describe("WebSocket frames", () => {
		/** A well-formed Hocuspocus frame header with a message type that does not exist. */
		function unknownTypeFrame(): Uint8Array {
			const encoder = encoding.createEncoder();
			encoding.writeVarString(encoder, "conv/whatever-document");
			encoding.writeVarUint(encoder, 42);
			return encoding.toUint8Array(encoder);
		}

		it("closes a socket that sends garbage with 4400 while other clients keep working", async () => {
			const { client: visitor } = await fx.visitorClient();
			const { client: agent } = await fx.agentClient();
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
				const socket = fx.rawSocket({ publicKey: fx.demoKey });
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
			const intruder = await bootstrapVisitor(fx.server, fx.demoKey);
			const intruderOutbox = DocumentNames.outbox(`visitor:${intruder.visitor.id}`);
			const authenticated = fx.rawSocket({ publicKey: fx.demoKey });
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
			expect(await fx.database.db.prisma.conversation.count({ where: { id: afterGarbage } })).toBe(
				0,
			);
			expect(visitor.closeEvents).toEqual([]);
			expect(agent.closeEvents).toEqual([]);
		});

		it("closes a socket whose frame exceeds WS_MAX_PAYLOAD with 1009 and keeps serving", async () => {
			const maxPayload = 65_536;
			const small = await startTestServer(fx.database.db, { WS_MAX_PAYLOAD: String(maxPayload) });
			const firstClientOfSmall = fx.clientCount();
			try {
				const { client: visitor, visitorId, token } = await fx.visitorClient({ on: small });
				const { client: agent } = await fx.agentClient(small);
				const { conversationId } = await startConversation(visitor, "Hi");
				await agent.openSynced(DocumentNames.conversation(conversationId));
				await visitor.openSynced(DocumentNames.conversation(conversationId));

				// Raw noise over the cap, before authenticating.
				const noisy = fx.rawSocket({ publicKey: fx.demoKey, on: small });
				await noisy.opened;
				noisy.ws.send(randomBytes(maxPayload + 1));
				expect((await noisy.waitForClose()).code).toBe(1009);

				// A well-formed, authenticated outbox update over the cap.
				const bulky = fx.rawSocket({ publicKey: fx.demoKey, on: small });
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
					await fx.database.db.prisma.timelineItem.count({ where: { id: oversized.itemId } }),
				).toBe(0);
			} finally {
				fx.destroyClientsFrom(firstClientOfSmall);
				await small.stop();
			}
		});
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
