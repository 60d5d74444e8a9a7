import { DocumentNames } from "@cossistant/types";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VisitorPrincipal } from "../../../sync-server/src/auth/principal.ts";
import type { SyncServer } from "../../../sync-server/src/server.ts";
import { eventually } from "../../../sync-server/test/support/eventually.ts";
import {
	type TestDatabase,
	testDatabaseTargets,
} from "../../../sync-server/test/support/test-database.ts";
import { startTestServer } from "../../../sync-server/test/support/test-server.ts";
import { harnessContext, launchChromium, openHarness } from "./browser-fixture.ts";
import type { HarnessApi } from "./harness-app.ts";

declare const harness: HarnessApi;

// Browser tests run against PGlite only: the database is not what they exercise.
const [pglite] = testDatabaseTargets();

describe("the client in Chromium (IndexedDB, BroadcastChannel, offline)", () => {
	let database: TestDatabase;
	let server: SyncServer;
	let browser: Browser;

	beforeAll(async () => {
		database = await (pglite as NonNullable<typeof pglite>).create();
		server = await startTestServer(database.db);
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		await database?.drop();
	});

	async function initPage(context: BrowserContext): Promise<Page> {
		const page = await openHarness(context);
		await page.evaluate((options) => harness.init(options), {
			apiUrl: server.apiUrl,
			publicKey: server.demo?.publicKey ?? "",
		});
		return page;
	}

	async function goOffline(context: BrowserContext, page: Page) {
		await context.setOffline(true);
		await page.waitForFunction(() => harness.status() !== "connected");
	}

	it("delivers a message queued offline in a tab closed right after, in 100 of 100 trials", async () => {
		const context = await harnessContext(browser);
		try {
			let page = await initPage(context);
			const conversationId = await page.evaluate(() => harness.startConversation("trial start"));
			await page.evaluate((id) => harness.waitForItems(id, 1), conversationId);
			await eventually(async () =>
				expect(await database.db.prisma.conversation.count({ where: { id: conversationId } })).toBe(
					1,
				),
			);
			const texts: string[] = [];
			for (let trial = 0; trial < 100; trial++) {
				await goOffline(context, page);
				const text = `offline message ${trial}`;
				texts.push(text);
				// Resolves only once the command is committed to IndexedDB (shown as queued).
				await page.evaluate(({ id, text }) => harness.send(id, text), { id: conversationId, text });
				const queued = await page.evaluate((id) => harness.items(id).at(-1), conversationId);
				expect(queued).toMatchObject({ text, delivery: "queued" });
				await page.close(); // the tab closes right after
				await context.setOffline(false);
				page = await initPage(context); // reopening delivers it
			}
			await eventually(
				async () => {
					const rows = await database.db.prisma.timelineItem.findMany({
						where: { conversationId },
						orderBy: { seq: "asc" },
					});
					const delivered = rows.map((row) => (row.parts as Array<{ text?: string }>)[0]?.text);
					expect(delivered).toEqual(["trial start", ...texts]);
				},
				{ timeoutMs: 60_000 },
			);
		} finally {
			await context.close();
		}
	}, 300_000);

	it("shows each tab the other's queued messages while offline", async () => {
		const context = await harnessContext(browser);
		try {
			const first = await initPage(context);
			const conversationId = await first.evaluate(() => harness.startConversation("two tabs"));
			await first.evaluate((id) => harness.waitForItems(id, 1), conversationId);
			const second = await initPage(context);
			await eventually(async () =>
				expect(await second.evaluate((id) => harness.items(id).length, conversationId)).toBe(1),
			);
			await context.setOffline(true);
			await first.waitForFunction(() => harness.status() !== "connected");
			await first.evaluate((id) => harness.send(id, "written in tab one"), conversationId);
			await second.evaluate((id) => harness.send(id, "written in tab two"), conversationId);
			for (const page of [first, second]) {
				await eventually(async () => {
					const texts = await page.evaluate(
						(id) => harness.items(id).map((i) => `${i.text}:${i.delivery}`),
						conversationId,
					);
					expect(texts).toEqual(
						expect.arrayContaining(["written in tab one:queued", "written in tab two:queued"]),
					);
				});
			}
			await context.setOffline(false);
			await eventually(
				async () => {
					const rows = await database.db.prisma.timelineItem.count({ where: { conversationId } });
					expect(rows).toBe(3);
				},
				{ timeoutMs: 20_000 },
			);
		} finally {
			await context.close();
		}
	});

	it("opens a 10 000-item conversation offline from IndexedDB", async () => {
		const context = await harnessContext(browser);
		try {
			const page = await initPage(context);
			const visitorId = await page.evaluate(() => harness.visitorId());
			const principal: VisitorPrincipal = {
				kind: "visitor",
				visitorId: visitorId ?? "",
				websiteId: server.demo?.websiteId ?? "",
			};
			const conversationId = uuidv7();
			await server.pipeline.submit(principal, {
				id: uuidv7(),
				type: "conversation.start",
				conversationId,
			});
			await Promise.all(
				Array.from({ length: 10_000 }, (_, i) =>
					server.pipeline.submit(principal, {
						id: uuidv7(),
						type: "message.send",
						conversationId,
						itemId: uuidv7(),
						parts: [{ type: "text", text: `item ${i}` }],
					}),
				),
			);
			// First visit online: the conversation syncs and lands in IndexedDB.
			await page.evaluate((id) => harness.waitForItems(id, 10_000, 60_000), conversationId);
			await page.waitForTimeout(1_500); // y-indexeddb writes asynchronously

			await context.setOffline(true);
			await page.reload();
			await page.waitForFunction(() => "harness" in window);
			const opened = await page.evaluate(
				async ({ apiUrl, publicKey, id }) => {
					await harness.init({ apiUrl, publicKey });
					return harness.waitForItems(id, 10_000, 20_000);
				},
				{ apiUrl: server.apiUrl, publicKey: server.demo?.publicKey ?? "", id: conversationId },
			);
			expect(opened.last).toBe("item 9999");
			console.log(
				`10 000-item conversation opened offline from IndexedDB in ${opened.ms.toFixed(0)} ms`,
			);
			expect(await page.evaluate(() => harness.status())).not.toBe("connected");
			const shown = await page.evaluate((id) => harness.items(id), conversationId);

			// Again, the copy preloaded while the client bootstraps (harness.coldOpen): the same view.
			await page.reload();
			await page.waitForFunction(() => "harness" in window);
			const preloaded = await page.evaluate(
				({ apiUrl, publicKey, conversationId }) =>
					harness.coldOpen({ apiUrl, publicKey, conversationId, count: 10_000 }),
				{ apiUrl: server.apiUrl, publicKey: server.demo?.publicKey ?? "", conversationId },
			);
			expect(preloaded).toMatchObject({ items: 10_000, lastText: "item 9999" });
			expect(preloaded.status).not.toBe("connected");
			expect(await page.evaluate((id) => harness.items(id), conversationId)).toEqual(shown);
			expect(await page.evaluate(() => harness.errors)).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it("flips isFeatureFlagEnabled in the open page when the flag changes through REST", async () => {
		const context = await harnessContext(browser);
		try {
			const page = await initPage(context);
			const visitorId = await page.evaluate(() => harness.visitorId());
			expect(await page.evaluate(() => harness.flag("new-message"))).toBe(false);
			const privateKey = await createPrivateKey(server);
			const response = await fetch(`${server.apiUrl}/support/feature-flags`, {
				method: "PATCH",
				headers: { authorization: `Bearer ${privateKey}`, "content-type": "application/json" },
				body: JSON.stringify({
					target: { type: "visitor", id: visitorId },
					operation: "add",
					flags: ["new-message"],
				}),
			});
			expect(response.ok).toBe(true);
			await page.waitForFunction(() => harness.flag("new-message"), undefined, { timeout: 10_000 });
			expect(await page.evaluate(() => harness.flag("billing-v2"))).toBe(false);
			expect(DocumentNames.visitor(visitorId ?? "")).toContain("visitor/");
		} finally {
			await context.close();
		}
	});
});

/** A private key of the demo website, created directly (the admin API is tested elsewhere). */
async function createPrivateKey(server: SyncServer): Promise<string> {
	const { generateApiKey } = await import("../../../sync-server/src/auth/api-keys.ts");
	const key = generateApiKey("private", "test");
	await server.db.prisma.apiKey.create({
		data: {
			id: uuidv7(),
			websiteId: server.demo?.websiteId ?? "",
			kind: "private",
			environment: "test",
			name: "browser test",
			prefix: key.prefix,
			keyHash: key.hash,
		},
	});
	return key.value;
}
