// Filling the server's disk through the widget: uploads are capped per visitor and per website
// within 24 hours (UPLOAD_VISITOR_DAILY_BYTES, UPLOAD_WEBSITE_DAILY_BYTES). Past a quota a
// visitor's upload is refused with 429 `upload_quota_exceeded` and leaves no row and no file;
// parallel uploads cannot slip past it together; agents are never refused by it.

import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HEADERS } from "@cossistant/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import type { SyncServer } from "../../src/server.ts";
import { LOCAL_ORIGIN } from "../support/local-origin.ts";
import { type TestDatabase, testDatabaseTargets } from "../support/test-database.ts";
import { bootstrapVisitor, loginAgent, startTestServer } from "../support/test-server.ts";

/** A PDF (the server sniffs the bytes) of exactly `size` bytes. */
function pdf(size: number): Buffer {
	const head = "%PDF-1.4\n%";
	const tail = "\n%%EOF\n";
	return Buffer.from(head + "x".repeat(size - head.length - tail.length) + tail);
}

describe("upload quotas: configuration", () => {
	it("defaults to 100 MiB per visitor and 5 GiB per website a day; 0 turns a quota off", () => {
		const defaults = loadConfig({}).uploads;
		expect(defaults.visitorDailyBytes).toBe(100 * 1024 * 1024);
		expect(defaults.websiteDailyBytes).toBe(5 * 1024 * 1024 * 1024);
		expect(loadConfig({ UPLOAD_VISITOR_DAILY_BYTES: "0" }).uploads.visitorDailyBytes).toBe(0);
		expect(() => loadConfig({ UPLOAD_WEBSITE_DAILY_BYTES: "-5" })).toThrow(
			/UPLOAD_WEBSITE_DAILY_BYTES/,
		);
	});
});

describe.each(testDatabaseTargets())("upload quotas on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	let uploadDir: string;

	beforeAll(async () => {
		database = await target.create();
		uploadDir = await mkdtemp(join(tmpdir(), "cossistant-quota-"));
		server = await startTestServer(database.db, {
			UPLOAD_DIR: uploadDir,
			UPLOAD_RATE_LIMIT: "1000",
			UPLOAD_VISITOR_DAILY_BYTES: "3000",
			UPLOAD_WEBSITE_DAILY_BYTES: "8000",
		});
	});
	afterAll(async () => {
		await server.stop();
		await database.drop();
		await rm(uploadDir, { recursive: true, force: true });
	});

	async function visitorHeaders(): Promise<Record<string, string>> {
		const publicKey = server.demo?.publicKey ?? "";
		const boot = await bootstrapVisitor(server, publicKey, { origin: LOCAL_ORIGIN });
		return {
			[HEADERS.publicKey]: publicKey,
			[HEADERS.visitorToken]: boot.visitorToken,
			origin: LOCAL_ORIGIN,
		};
	}

	async function upload(headers: Record<string, string>, bytes: Buffer, query = "") {
		const response = await fetch(`${server.apiUrl}/uploads${query}`, {
			method: "POST",
			headers: {
				...headers,
				"content-type": "application/pdf",
				[HEADERS.fileName]: "report.pdf",
			},
			body: new Uint8Array(bytes),
		});
		return { status: response.status, body: await response.json() };
	}

	async function storedFileCount(): Promise<number> {
		const entries = await readdir(uploadDir, { recursive: true, withFileTypes: true });
		return entries.filter((e) => e.isFile()).length;
	}

	it("refuses a visitor's upload past its daily bytes, leaving nothing behind", async () => {
		const visitor = await visitorHeaders();
		expect((await upload(visitor, pdf(1_000))).status).toBe(201);
		expect((await upload(visitor, pdf(1_000))).status).toBe(201);
		const rows = await database.db.prisma.upload.count();
		const files = await storedFileCount();

		const refused = await upload(visitor, pdf(1_500));
		expect(refused.status).toBe(429);
		expect(refused.body.error).toMatchObject({
			code: "upload_quota_exceeded",
			details: { scope: "visitor", quotaBytes: 3_000 },
		});
		expect(await database.db.prisma.upload.count()).toBe(rows);
		expect(await storedFileCount()).toBe(files);

		// What still fits is accepted; another visitor has its own quota.
		expect((await upload(visitor, pdf(900))).status).toBe(201);
		expect((await upload(await visitorHeaders(), pdf(1_500))).status).toBe(201);
	});

	it("never lets parallel uploads of one visitor overshoot its quota together", async () => {
		const visitor = await visitorHeaders();
		const results = await Promise.all(Array.from({ length: 5 }, () => upload(visitor, pdf(1_000))));
		const accepted = results.filter((r) => r.status === 201).length;
		expect(accepted).toBeGreaterThanOrEqual(1);
		expect(accepted).toBeLessThanOrEqual(3);
		for (const refused of results.filter((r) => r.status !== 201)) {
			expect(refused.body.error.code).toBe("upload_quota_exceeded");
		}
	});

	it("refuses visitors once the website's daily bytes are used up, never its agents", async () => {
		// 2 900 + 1 500 + up to 3 000 are stored: the next visitors fill the rest of the 8 000.
		let refused: { status: number; body: { error: { details: unknown } } } | null = null;
		for (let i = 0; i < 6 && !refused; i++) {
			const answer = await upload(await visitorHeaders(), pdf(1_000));
			if (answer.status !== 201) refused = answer;
		}
		expect(refused?.status).toBe(429);
		expect(refused?.body.error.details).toMatchObject({ scope: "website", quotaBytes: 8_000 });
		// A fresh visitor is refused before its body is read (Content-Length tells it cannot fit).
		expect((await upload(await visitorHeaders(), pdf(1_000))).status).toBe(429);

		const agent = await loginAgent(server);
		const byAgent = await upload(
			{ authorization: `Bearer ${agent.token}` },
			pdf(1_000),
			`?websiteId=${server.demo?.websiteId ?? ""}`,
		);
		expect(byAgent.status).toBe(201);
	});
});
