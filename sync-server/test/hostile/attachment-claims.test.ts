// A visitor attaches an upload to a message and lies about it: another name, another type,
// another size. What agents see must be what the server checked when the bytes came in (the
// upload record), and file names must carry no bidirectional controls that would make
// `invoice‮fdp.exe` read as `invoiceexe.pdf`. Real server, real socket, real database.

import { HEADERS, type MessagePart, type UploadResponse } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncServer } from "../../src/server.ts";
import { LOCAL_ORIGIN } from "../support/local-origin.ts";
import { TestClient } from "../support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "../support/test-database.ts";
import { bootstrapVisitor, startTestServer } from "../support/test-server.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");

/** Every bidirectional control: embeddings, overrides, isolates and the three marks. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe.each(testDatabaseTargets())("attachment claims on $name", (target) => {
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

	async function visitor() {
		const publicKey = server.demo?.publicKey ?? "";
		const boot = await bootstrapVisitor(server, publicKey, { origin: LOCAL_ORIGIN });
		const client = new TestClient({
			wsUrl: server.wsUrl,
			token: boot.visitorToken,
			principal: `visitor:${boot.visitor.id}`,
			publicKey,
			origin: LOCAL_ORIGIN,
		});
		clients.push(client);
		const headers = {
			[HEADERS.publicKey]: publicKey,
			[HEADERS.visitorToken]: boot.visitorToken,
			origin: LOCAL_ORIGIN,
		};
		return { client, headers };
	}

	async function upload(headers: Record<string, string>, name: string): Promise<UploadResponse> {
		const response = await fetch(`${server.apiUrl}/uploads`, {
			method: "POST",
			headers: {
				...headers,
				"content-type": "application/pdf",
				[HEADERS.fileName]: encodeURIComponent(name),
			},
			body: new Uint8Array(PDF),
		});
		expect(response.status).toBe(201);
		return (await response.json()) as UploadResponse;
	}

	/** Starts a conversation whose first message is `parts`; the command's result. */
	async function startWith(client: TestClient, parts: unknown[]) {
		const itemId = uuidv7();
		const id = uuidv7();
		client.send({
			id,
			type: "conversation.start",
			conversationId: uuidv7(),
			initialMessage: { itemId, parts },
		});
		return { result: await client.result(id), itemId };
	}

	it("strips every bidirectional control from an upload's name when it is stored", async () => {
		const { headers } = await visitor();
		const created = await upload(headers, "in\u061cvoice\u2066\u202etxt.exe\u2069\u200e.pdf");
		expect(created.fileName).not.toMatch(BIDI);
		expect(created.fileName).toBe("invoicetxt.exe.pdf");
		const row = await database.db.prisma.upload.findUniqueOrThrow({ where: { id: created.id } });
		expect(row.fileName).toBe("invoicetxt.exe.pdf");
	});

	it("stores the upload's own name, type and size, whatever the message part claims", async () => {
		const { client, headers } = await visitor();
		const created = await upload(headers, "contract.pdf");
		const { result, itemId } = await startWith(client, [
			{
				type: "file",
				url: created.url,
				uploadId: created.id,
				name: "holiday\u202egpj.exe",
				mediaType: "image/jpeg",
				size: 1,
			},
		]);
		expect(result).toMatchObject({ status: "applied" });
		const item = await database.db.prisma.timelineItem.findUniqueOrThrow({ where: { id: itemId } });
		expect(item.parts as MessagePart[]).toEqual([
			{
				type: "file",
				url: created.url,
				uploadId: created.id,
				name: "contract.pdf",
				mediaType: "application/pdf",
				size: PDF.length,
			},
		]);
	});

	it("refuses an image part that points at an upload which is not an image", async () => {
		const { client, headers } = await visitor();
		const created = await upload(headers, "statement.pdf");
		const { result, itemId } = await startWith(client, [
			{ type: "image", url: created.url, uploadId: created.id, mediaType: "image/png" },
		]);
		expect(result).toMatchObject({ status: "rejected", code: "invalid_attachment" });
		expect(await database.db.prisma.timelineItem.count({ where: { id: itemId } })).toBe(0);
	});
});
