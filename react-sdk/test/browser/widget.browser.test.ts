import { DocumentNames } from "@cossistant/types";
import type { Browser } from "playwright-core";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../../client-core/test/browser/browser-fixture.ts";
import type { SyncServer } from "../../../sync-server/src/server.ts";
import { TestClient } from "../../../sync-server/test/support/test-client.ts";
import {
	type TestDatabase,
	testDatabaseTargets,
} from "../../../sync-server/test/support/test-database.ts";
import { loginAgent, startTestServer } from "../../../sync-server/test/support/test-server.ts";
import { axeInPage, demoContext, openDemo } from "./demo-page.ts";

// Browser tests run against PGlite only: the database is not what they exercise.
const [pglite] = testDatabaseTargets();

describe("the widget in Chromium, on the docs' React Quickstart page", () => {
	let database: TestDatabase;
	let server: SyncServer;
	let browser: Browser;
	let agent: TestClient;

	beforeAll(async () => {
		database = await (pglite as NonNullable<typeof pglite>).create();
		server = await startTestServer(database.db);
		browser = await launchChromium();
		const session = await loginAgent(server);
		agent = new TestClient({
			wsUrl: server.wsUrl,
			token: session.token,
			principal: `user:${session.user.id}`,
		});
	});
	afterAll(async () => {
		agent?.destroy();
		await browser?.close();
		await server?.stop();
		await database?.drop();
	});

	const demo = () => ({ apiUrl: server.apiUrl, publicKey: server.demo?.publicKey ?? "" });

	async function conversationIds(): Promise<string[]> {
		const rows = await database.db.prisma.conversation.findMany({
			select: { id: true },
			orderBy: { createdAt: "asc" },
		});
		return rows.map((row) => row.id);
	}

	it("opens with zero config; a message reaches the agent and the reply badges the closed trigger", async () => {
		const context = await demoContext(browser);
		try {
			const page = await openDemo(context, demo());
			const before = await conversationIds();
			await page.getByRole("button", { name: "Open support" }).click();
			const dialog = page.getByRole("dialog", { name: "Support" });
			await dialog.getByRole("button", { name: "Ask a question" }).click();
			await dialog.getByRole("textbox", { name: "Message" }).fill("Hello from Chromium");
			await dialog.getByRole("textbox", { name: "Message" }).press("Enter");
			await dialog.getByTestId("co-delivery").filter({ hasText: "Sent" }).waitFor();

			const conversationId = (await conversationIds()).find((id) => !before.includes(id)) ?? "";
			const name = DocumentNames.conversation(conversationId);
			await agent.openSynced(name);
			expect(agent.timeline(name).map((item) => item.parts[0])).toContainEqual({
				type: "text",
				text: "Hello from Chromium",
			});

			await page.keyboard.press("Escape");
			await dialog.waitFor({ state: "detached" });
			const reply = uuidv7();
			agent.send({
				id: uuidv7(),
				type: "message.send",
				conversationId,
				itemId: reply,
				parts: [{ type: "text", text: "Welcome! How can I help?" }],
			});
			await page.getByTestId("co-unread-badge").filter({ hasText: "1" }).waitFor();
			await page.getByRole("button", { name: /Open support, 1 unread message/ }).click();
			await dialog.getByText("Welcome! How can I help?").waitFor();
		} finally {
			await context.close();
		}
	});

	it("shows an offline send as queued, then sent once the connection is back", async () => {
		const context = await demoContext(browser);
		try {
			const page = await openDemo(context, demo());
			await page.getByRole("button", { name: "Open support" }).click();
			const dialog = page.getByRole("dialog", { name: "Support" });
			await dialog.getByRole("button", { name: "Ask a question" }).click();
			await context.setOffline(true);
			await dialog.getByText(/You're offline/).waitFor();
			await dialog.getByRole("textbox", { name: "Message" }).fill("Sent while offline");
			await dialog.getByRole("button", { name: "Send" }).click();
			await dialog.getByTestId("co-delivery").filter({ hasText: "Sending…" }).waitFor();
			await context.setOffline(false);
			await dialog
				.getByTestId("co-delivery")
				.filter({ hasText: "Sent" })
				.waitFor({ timeout: 20_000 });
		} finally {
			await context.close();
		}
	});

	it("follows .dark on the page, speaks French with locale=fr, and passes axe with colour contrast", async () => {
		const context = await demoContext(browser);
		try {
			const light = await openDemo(context, demo());
			await light.getByRole("button", { name: "Open support" }).click();
			const lightBackground = await light
				.locator(".co-content")
				.evaluate((node) => getComputedStyle(node).backgroundColor);
			expect(await axeInPage(light, ".cossistant")).toEqual([]);

			const dark = await openDemo(context, demo(), { dark: "1", locale: "fr" });
			await dark.getByRole("button", { name: "Ouvrir le support" }).click();
			const dialog = dark.getByRole("dialog", { name: "Support" });
			await dialog.getByText("Comment pouvons-nous vous aider ?").waitFor();
			const darkBackground = await dark
				.locator(".co-content")
				.evaluate((node) => getComputedStyle(node).backgroundColor);
			expect(darkBackground).not.toBe(lightBackground);
			expect(darkBackground).toMatch(/oklch\(0\.155 0 0\)|rgb\(\s*1[0-9],/);
			expect(await axeInPage(dark, ".cossistant")).toEqual([]);

			// Positioned next to the trigger, inside the viewport.
			const box = await dialog.boundingBox();
			expect(box && box.y >= 8 && box.x + box.width <= 1280 - 8).toBe(true);
		} finally {
			await context.close();
		}
	});
});
