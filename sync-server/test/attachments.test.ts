// A visitor's image and file parts must be its own uploads for the conversation's website, on a
// real server and database: an external URL (a tracking pixel that would reveal the agent's IP),
// another website's or another visitor's upload, an upload of another conversation and a url
// that is not the upload's own are refused with `invalid_attachment`, and nothing is written.
// Its own uploads go through; agents (trusted) keep linking external URLs.

import { HEADERS, type MessagePart } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VisitorPrincipal } from "../src/auth/principal.ts";
import type { SyncServer } from "../src/server.ts";
import { LOCAL_ORIGIN } from "./support/local-origin.ts";
import {
	createTestWebsite,
	createVisitor,
	type TestVisitor,
	visitorHeaders,
} from "./support/support-fixtures.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor, loginAgent, startTestServer } from "./support/test-server.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");
const TRACKER = "https://tracker.example/pixel.png";

describe.each(testDatabaseTargets())("visitor attachments on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let websiteId: string;

	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db);
		websiteId = server.demo?.websiteId ?? "";
	});
	afterAll(async () => {
		await server.stop();
		await database.drop();
	});

	/** A demo-website visitor, its principal, REST headers and a started conversation. */
	async function demoVisitor() {
		const boot = await bootstrapVisitor(server, server.demo?.publicKey ?? "");
		const visitor: TestVisitor = {
			visitorId: boot.visitor.id,
			token: boot.visitorToken,
			publicKey: server.demo?.publicKey ?? "",
			websiteId,
		};
		const principal: VisitorPrincipal = {
			kind: "visitor",
			visitorId: visitor.visitorId,
			websiteId,
		};
		const conversationId = uuidv7();
		const started = await server.pipeline.submit(principal, {
			id: uuidv7(),
			type: "conversation.start",
			conversationId,
		});
		expect(started).toMatchObject({ status: "applied" });
		// The demo website allows no site origin: its test key is used from a loopback page.
		const headers = { ...visitorHeaders(visitor), origin: LOCAL_ORIGIN };
		return { principal, conversationId, headers };
	}

	/** Uploads a PDF with `headers`; answers the file part the widget would send. */
	async function uploadPdf(headers: Record<string, string>, conversationId?: string) {
		const query = conversationId ? `?conversationId=${conversationId}` : "";
		const response = await fetch(`${server.apiUrl}/uploads${query}`, {
			method: "POST",
			headers: { ...headers, "content-type": "application/pdf", [HEADERS.fileName]: "a.pdf" },
			body: new Uint8Array(PDF),
		});
		expect(response.status).toBe(201);
		const body = (await response.json()) as { id: string; url: string; size: number };
		return {
			type: "file",
			url: body.url,
			mediaType: "application/pdf",
			name: "a.pdf",
			size: body.size,
			uploadId: body.id,
		} satisfies MessagePart;
	}

	function send(principal: VisitorPrincipal, conversationId: string, parts: MessagePart[]) {
		return server.pipeline.submit(principal, {
			id: uuidv7(),
			type: "message.send",
			conversationId,
			itemId: uuidv7(),
			parts,
		});
	}

	async function itemCount(conversationId: string): Promise<number> {
		return database.db.prisma.timelineItem.count({ where: { conversationId } });
	}

	const refused = { status: "rejected", code: "invalid_attachment", retryable: false };

	it("refuses external URLs and urls that are not the upload's own", async () => {
		const { principal, conversationId, headers } = await demoVisitor();
		const own = await uploadPdf(headers, conversationId);
		const other = await uploadPdf(headers, conversationId);
		const before = await itemCount(conversationId);
		const image = { type: "image", url: TRACKER, mediaType: "image/png" } as const;
		for (const parts of [
			[image],
			[
				{ type: "text", text: "see" },
				{ ...image, uploadId: own.uploadId },
			],
			[{ ...own, url: TRACKER }],
			[{ ...own, url: `https://tracker.example${own.url}` }],
			[{ ...own, url: other.url }],
			[own, { ...other, uploadId: undefined }],
		] as MessagePart[][]) {
			expect(await send(principal, conversationId, parts)).toMatchObject(refused);
		}
		// A conversation a visitor starts with a tracking pixel is not created at all.
		const startedId = uuidv7();
		const start = await server.pipeline.submit(principal, {
			id: uuidv7(),
			type: "conversation.start",
			conversationId: startedId,
			initialMessage: { itemId: uuidv7(), parts: [image] },
		});
		expect(start).toMatchObject(refused);
		expect(await database.db.prisma.conversation.count({ where: { id: startedId } })).toBe(0);
		expect(await itemCount(conversationId)).toBe(before);
	});

	it("refuses another website's, another visitor's and another conversation's uploads", async () => {
		const { principal, conversationId, headers } = await demoVisitor();
		const stranger = await createVisitor(server, await createTestWebsite(database.db));
		const neighbour = await demoVisitor();
		const refusedParts = [
			await uploadPdf(visitorHeaders(stranger)),
			await uploadPdf(neighbour.headers, neighbour.conversationId),
			await uploadPdf(neighbour.headers),
			{ ...(await uploadPdf(headers)), uploadId: uuidv7() },
		];
		const before = await itemCount(conversationId);
		for (const part of refusedParts) {
			const parts = [{ ...part, url: `/v1/uploads/${part.uploadId}` }];
			expect(await send(principal, conversationId, parts)).toMatchObject(refused);
		}
		expect(await itemCount(conversationId)).toBe(before);
		// An upload made for one conversation is not reposted in another of the same visitor.
		const forFirst = await uploadPdf(headers, conversationId);
		const second = uuidv7();
		const started = await server.pipeline.submit(principal, {
			id: uuidv7(),
			type: "conversation.start",
			conversationId: second,
		});
		expect(started).toMatchObject({ status: "applied" });
		expect(await send(principal, second, [forFirst])).toMatchObject(refused);
		expect(await itemCount(second)).toBe(0);
	});

	it("accepts the visitor's own uploads, with or without a conversation", async () => {
		const { principal, conversationId, headers } = await demoVisitor();
		const forConversation = await uploadPdf(headers, conversationId);
		const loose = await uploadPdf(headers);
		const sent = await send(principal, conversationId, [
			{ type: "text", text: "two files" },
			forConversation,
			loose,
		]);
		expect(sent).toMatchObject({ status: "applied" });
		// The widget uploads before the conversation it starts exists.
		const first = await uploadPdf(headers);
		const startedId = uuidv7();
		const itemId = uuidv7();
		const start = await server.pipeline.submit(principal, {
			id: uuidv7(),
			type: "conversation.start",
			conversationId: startedId,
			initialMessage: { itemId, parts: [first] },
		});
		expect(start).toMatchObject({ status: "applied" });
		const item = await database.db.prisma.timelineItem.findUniqueOrThrow({ where: { id: itemId } });
		expect(item.parts).toEqual([first]);
	});

	it("still lets agents link external URLs", async () => {
		const { conversationId } = await demoVisitor();
		const session = await loginAgent(server);
		const parts = [{ type: "image", url: TRACKER, mediaType: "image/png" }];
		const response = await fetch(`${server.apiUrl}/conversations/${conversationId}/messages`, {
			method: "POST",
			headers: { "content-type": "application/json", authorization: `Bearer ${session.token}` },
			body: JSON.stringify({ parts }),
		});
		expect(response.status).toBe(201);
		const body = (await response.json()) as { item: { parts: unknown } };
		expect(body.item.parts).toEqual(parts);
	});
});
