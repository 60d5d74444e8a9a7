// Uploads end to end on a real server and database: a file goes up with a visitor token or an
// agent session, comes back byte for byte with safe headers, and is sent in a message that
// reaches an agent's replica. Every hostile upload (too large, a type disguised by its name and
// declared type, someone else's conversation, no token, a blocked visitor) is refused and leaves
// no row and no file behind.

import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
	DEFAULT_UPLOAD_MAX_BYTES,
	DocumentNames,
	HEADERS,
	type TimelineItem,
	uploadResponseSchema,
} from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import * as v from "valibot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VisitorPrincipal } from "../src/auth/principal.ts";
import type { SyncServer } from "../src/server.ts";
import { eventually } from "./support/eventually.ts";
import { LOCAL_ORIGIN } from "./support/local-origin.ts";
import { TestClient } from "./support/test-client.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";
import { bootstrapVisitor, loginAgent, startTestServer } from "./support/test-server.ts";
import { EXE, HTML, PDF, png, SVG } from "./support/upload-payloads.ts";

interface UploadRequest {
	type?: string;
	name?: string;
	query?: string;
	headers?: Record<string, string>;
}

describe.each(testDatabaseTargets())("uploads on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let uploadDir: string;
	let websiteId: string;
	let publicKey: string;
	const clients: TestClient[] = [];

	beforeAll(async () => {
		database = await target.create();
		uploadDir = await mkdtemp(join(tmpdir(), "cossistant-uploads-"));
		server = await startTestServer(database.db, { UPLOAD_DIR: uploadDir });
		websiteId = server.demo?.websiteId ?? "";
		publicKey = server.demo?.publicKey ?? "";
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		await server.stop();
		await database.drop();
		await rm(uploadDir, { recursive: true, force: true });
	});

	/** A bootstrapped visitor with a started conversation. */
	async function visitor() {
		const boot = await bootstrapVisitor(server, publicKey);
		const principal: VisitorPrincipal = { kind: "visitor", visitorId: boot.visitor.id, websiteId };
		const conversationId = uuidv7();
		const started = await server.pipeline.submit(principal, {
			id: uuidv7(),
			type: "conversation.start",
			conversationId,
		});
		expect(started).toMatchObject({ status: "applied" });
		const headers = {
			[HEADERS.publicKey]: publicKey,
			[HEADERS.visitorToken]: boot.visitorToken,
			origin: LOCAL_ORIGIN,
		};
		return { boot, principal, conversationId, headers };
	}

	async function upload(bytes: Uint8Array, request: UploadRequest = {}) {
		const headers: Record<string, string> = { ...request.headers };
		if (request.type) headers["content-type"] = request.type;
		if (request.name) headers[HEADERS.fileName] = encodeURIComponent(request.name);
		const response = await fetch(`${server.apiUrl}/uploads${request.query ?? ""}`, {
			method: "POST",
			headers,
			body: new Uint8Array(bytes),
		});
		return { status: response.status, headers: response.headers, body: await response.json() };
	}

	/** Every file under the upload directory (temporary ones included). */
	async function storedFiles(): Promise<string[]> {
		const entries = await readdir(uploadDir, { recursive: true, withFileTypes: true });
		return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
	}

	/** Runs `attempt` and checks that it stored nothing: no new row, no new file. */
	async function leavesNoTrace(attempt: () => Promise<void>) {
		const rows = await database.db.prisma.upload.count();
		const files = await storedFiles();
		await attempt();
		expect(await database.db.prisma.upload.count()).toBe(rows);
		expect(await storedFiles()).toEqual(files);
	}

	it("stores an image and serves the same bytes back with safe headers", async () => {
		const { headers, conversationId, boot } = await visitor();
		const bytes = png(3, 2);
		const name = "café screenshot (1).png";
		const created = await upload(bytes, {
			type: "image/png",
			name,
			headers,
			query: `?conversationId=${conversationId}`,
		});
		expect(created.status).toBe(201);
		const body = v.parse(uploadResponseSchema, created.body);
		expect(body).toEqual({
			id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
			url: `/v1/uploads/${body.id}`,
			mediaType: "image/png",
			fileName: name,
			size: bytes.length,
			width: 3,
			height: 2,
		});
		expect(created.headers.get("location")).toBe(body.url);
		const row = await database.db.prisma.upload.findUniqueOrThrow({ where: { id: body.id } });
		expect(row).toMatchObject({
			websiteId,
			conversationId,
			uploadedBy: `visitor:${boot.visitor.id}`,
			mimeType: "image/png",
			size: bytes.length,
		});
		expect(await storedFiles()).toContain(join(uploadDir, row.storageKey));

		// No credentials: the unguessable id is the capability (an <img> cannot send a token).
		const served = await fetch(`${server.url}${body.url}`);
		expect(served.status).toBe(200);
		expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
		expect(Object.fromEntries(served.headers)).toMatchObject({
			"content-type": "image/png",
			"content-length": String(bytes.length),
			"x-content-type-options": "nosniff",
			"content-security-policy": "default-src 'none'; sandbox",
			"content-disposition": "inline; filename*=UTF-8''caf%C3%A9%20screenshot%20%281%29.png",
			"cache-control": "private, max-age=31536000, immutable",
		});
		const again = await fetch(`${server.url}${body.url}`, {
			headers: { "if-none-match": `"${body.id}"` },
		});
		expect(again.status).toBe(304);
	});

	it("serves documents and text as attachments in their sniffed type", async () => {
		const { headers } = await visitor();
		const cases = [
			{ bytes: PDF, type: "application/pdf", name: "invoice.pdf", served: "application/pdf" },
			{ bytes: Buffer.from("a,b\n1,2\n"), type: "text/csv", name: "data.csv", served: "text/csv" },
			// Windows declares .csv as an Excel type; the bytes are text, so it is honest.
			{
				bytes: Buffer.from("x;y\n"),
				type: "application/vnd.ms-excel",
				name: "w.csv",
				served: "text/csv",
			},
			{ bytes: Buffer.from("notes ✓"), type: "", name: "notes", served: "text/plain" },
		];
		for (const c of cases) {
			const created = await upload(c.bytes, { type: c.type, name: c.name, headers });
			expect(created.status, c.name).toBe(201);
			expect(created.body.mediaType).toBe(c.served);
			const served = await fetch(`${server.url}${created.body.url}`);
			expect(Buffer.from(await served.arrayBuffer()).equals(c.bytes)).toBe(true);
			expect(served.headers.get("content-type")).toMatch(new RegExp(`^${c.served}`));
			expect(served.headers.get("content-disposition")).toBe(
				`attachment; filename*=UTF-8''${encodeURIComponent(created.body.fileName)}`,
			);
			expect(served.headers.get("x-content-type-options")).toBe("nosniff");
		}
		// A name without an extension gets the canonical one, so the download opens correctly.
		const bare = await upload(Buffer.from("hello"), { name: "notes", headers });
		expect(bare.body.fileName).toBe("notes.txt");

		for (const id of ["does-not-exist-0000000", "x", "../../etc/passwd"]) {
			const missing = await fetch(`${server.apiUrl}/uploads/${encodeURIComponent(id)}`);
			expect(missing.status).toBe(404);
			expect((await missing.json()).error.code).toBe("not_found");
		}
	});

	it("sends an uploaded image in a message that reaches an agent's replica", async () => {
		const { headers, principal, conversationId } = await visitor();
		const session = await loginAgent(server);
		const agent = new TestClient({
			wsUrl: server.wsUrl,
			token: session.token,
			principal: `user:${session.user.id}`,
		});
		clients.push(agent);
		const convDoc = DocumentNames.conversation(conversationId);
		await agent.openSynced(convDoc);

		const created = await upload(png(8, 8), {
			type: "image/png",
			name: "bug.png",
			headers,
			query: `?conversationId=${conversationId}`,
		});
		expect(created.status).toBe(201);
		const { id, url, mediaType, fileName, size, width, height } = created.body;
		const parts = [
			{ type: "text", text: "Here is the bug" },
			{ type: "image", url, mediaType, name: fileName, size, width, height, uploadId: id },
		];
		const itemId = uuidv7();
		const sent = await server.pipeline.submit(principal, {
			id: uuidv7(),
			type: "message.send",
			conversationId,
			itemId,
			parts,
		});
		expect(sent).toMatchObject({ status: "applied" });
		const item = await eventually(() => {
			const found = agent.timeline(convDoc).find((i) => i.id === itemId);
			expect(found).toBeDefined();
			return found as TimelineItem;
		});
		expect(item.parts).toEqual(parts);

		// The agent answers with a file of its own (session auth, same conversation).
		const reply = await upload(PDF, {
			type: "application/pdf",
			name: "fix.pdf",
			headers: { authorization: `Bearer ${session.token}` },
			query: `?conversationId=${conversationId}`,
		});
		expect(reply.status).toBe(201);
		expect(
			await database.db.prisma.upload.findUniqueOrThrow({ where: { id: reply.body.id } }),
		).toMatchObject({ uploadedBy: `user:${session.user.id}`, websiteId, conversationId });
		// Agents of a single website need no conversation.
		const loose = await upload(png(1, 1), {
			type: "image/png",
			headers: { authorization: `Bearer ${session.token}` },
		});
		expect(loose.status).toBe(201);
		expect(loose.body.fileName).toBe("image.png");
	});

	it("refuses an upload over the limit with 413 and stores nothing", async () => {
		const { headers } = await visitor();
		await leavesNoTrace(async () => {
			const big = Buffer.alloc(DEFAULT_UPLOAD_MAX_BYTES + 1, 0x41);
			const refused = await upload(big, { type: "text/plain", name: "big.txt", headers });
			expect(refused.status).toBe(413);
			expect(refused.body.error).toMatchObject({
				code: "payload_too_large",
				details: { maxBytes: DEFAULT_UPLOAD_MAX_BYTES },
			});
		});
		// Exactly at the limit is fine.
		const atLimit = Buffer.alloc(DEFAULT_UPLOAD_MAX_BYTES, 0x41);
		expect((await upload(atLimit, { type: "text/plain", name: "max.txt", headers })).status).toBe(
			201,
		);
	});

	it("refuses types disguised by their name or declared type with 415 and stores nothing", async () => {
		const { headers } = await visitor();
		const attempts: Array<[string, Buffer, string, string]> = [
			["HTML named .png", HTML, "image/png", "cute-cat.png"],
			["SVG with a script", SVG, "image/svg+xml", "logo.svg"],
			["SVG named .png", SVG, "image/png", "logo.png"],
			["HTML named .txt", HTML, "text/plain", "readme.txt"],
			["an executable named .png", EXE, "image/png", "setup.png"],
			["a PNG named .pdf", png(1, 1), "application/pdf", "report.pdf"],
			["a PNG declared as JPEG", png(1, 1), "image/jpeg", "photo.png"],
			["a PNG named .jpg", png(1, 1), "image/png", "photo.jpg"],
			["a plain ZIP named .docx", Buffer.from("PK\u0003\u0004garbage"), "", "cv.docx"],
			["binary junk as text", Buffer.from([0x41, 0x00, 0x42]), "text/plain", "a.txt"],
		];
		for (const [label, bytes, type, name] of attempts) {
			await leavesNoTrace(async () => {
				const refused = await upload(bytes, { type, name, headers });
				expect(refused.status, label).toBe(415);
				expect(refused.body.error.code, label).toBe("unsupported_media_type");
			});
		}
		await leavesNoTrace(async () => {
			const empty = await upload(Buffer.alloc(0), { type: "image/png", name: "x.png", headers });
			expect(empty.status).toBe(400);
		});
	});

	it("refuses someone else's conversation, missing credentials and blocked visitors", async () => {
		const alice = await visitor();
		const bob = await visitor();
		const image = png(2, 2);
		await leavesNoTrace(async () => {
			for (const conversationId of [bob.conversationId, uuidv7(), "not an id"]) {
				const refused = await upload(image, {
					type: "image/png",
					name: "a.png",
					headers: alice.headers,
					query: `?conversationId=${encodeURIComponent(conversationId)}`,
				});
				// Someone else's conversation looks exactly like one that does not exist.
				expect(refused.status).toBe(404);
				expect(refused.body.error.code).toBe("not_found");
			}

			const noToken = await upload(image, {
				type: "image/png",
				headers: { [HEADERS.publicKey]: publicKey, origin: LOCAL_ORIGIN },
			});
			expect(noToken.status).toBe(401);
			expect(noToken.body.error.code).toBe("unauthorized");
			const forged = await upload(image, {
				type: "image/png",
				headers: { ...alice.headers, [HEADERS.visitorToken]: `${alice.boot.visitorToken}x` },
			});
			expect(forged.status).toBe(401);
			const nothing = await upload(image, { type: "image/png" });
			expect(nothing.status).toBe(401);
			const badSession = await upload(image, {
				type: "image/png",
				headers: { authorization: "Bearer st_not-a-session" },
			});
			expect(badSession.status).toBe(401);
			const elsewhere = await upload(image, {
				type: "image/png",
				headers: { ...alice.headers, origin: "https://evil.example" },
			});
			expect(elsewhere.status).toBe(403);
			expect(elsewhere.body.error.code).toBe("origin_not_allowed");
		});

		const blocked = await server.pipeline.submit(
			{ kind: "backend", websiteId, apiKeyId: "test", name: "API" },
			{ id: uuidv7(), type: "visitor.block", visitorId: alice.boot.visitor.id },
		);
		expect(blocked).toMatchObject({ status: "applied" });
		await leavesNoTrace(async () => {
			const refused = await upload(image, {
				type: "image/png",
				name: "a.png",
				headers: alice.headers,
				query: `?conversationId=${alice.conversationId}`,
			});
			expect(refused.status).toBe(403);
			expect(refused.body.error.code).toBe("visitor_blocked");
		});
	});

	it("sanitises file names and answers CORS preflights for the file-name header", async () => {
		const { headers } = await visitor();
		const created = await upload(Buffer.from("hi"), {
			type: "text/plain",
			name: "../../etc/\u202Egnp.txt",
			headers,
		});
		expect(created.status).toBe(201);
		expect(created.body.fileName).toBe("gnp.txt");
		const preflight = await fetch(`${server.apiUrl}/uploads`, {
			method: "OPTIONS",
			headers: { origin: "http://localhost:3000", "access-control-request-method": "POST" },
		});
		expect(preflight.headers.get("access-control-allow-headers")).toContain(HEADERS.fileName);
	});
});
