import { rmSync } from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { type E2eServer, startE2eServer } from "../support/sync-server.ts";
import type { AppServer } from "./support/consumer.ts";
import { createDocSamplesApp, type DocSamplesApp } from "./support/doc-samples-app.ts";
import { recordProblems } from "./support/round-trip.ts";

// The docs' samples that use Support.Root, Support.Trigger, Support.Content, Support.Router and
// Support.Page, as written, in a real Next.js build (doc-samples/next: each sample a Client
// Component rendered by a page), and the same parts by their own names in Server Component
// pages. The app installs the packed tarballs; `next build`, `tsc` and `next start` against a
// real sync-server; every page fails on an uncaught error, a console error (hydration warnings
// included) or a failed request.

test.describe.configure({ mode: "serial" });

let backend: E2eServer;
let app: DocSamplesApp;
let server: AppServer;

test.beforeAll(async () => {
	// Build, pack, an npm install from the cache and a cold `next build`: minutes when loaded.
	test.setTimeout(900_000);
	backend = await startE2eServer();
	app = await createDocSamplesApp();
	await app.build({ publicKey: backend.demo.publicKey, apiUrl: backend.demo.apiUrl });
	server = await app.start();
});

test.afterAll(async () => {
	await server?.stop();
	await backend?.stop();
	if (app) rmSync(app.dir, { recursive: true, force: true });
});

/** Opens `path` as a new visitor; `problems` collects what must not happen on the page. */
async function openSample(browser: Browser, path: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const problems = recordProblems(page);
	await page.goto(`${server.url}${path}`);
	return {
		page,
		async done() {
			expect(problems).toEqual([]);
			await context.close();
		},
	};
}

/** The widget's window, once open, with its home page loaded from the server. */
async function homeWindow(page: Page) {
	const dialog = page.getByRole("dialog", { name: "Support" });
	await expect(dialog.getByText("How can we help?")).toBeVisible();
	return dialog;
}

/** The triggers on the page: the default floating one has the class `co-trigger-default`. */
const triggers = (page: Page) => page.locator("[aria-haspopup=dialog]");

test("level 3: the custom trigger's render props (Close / Help) replace the default trigger", async ({
	browser,
}) => {
	const { page, done } = await openSample(browser, "/customization/level-3");
	await expect(triggers(page)).toHaveCount(1);
	await page.getByRole("button", { name: "Help" }).click();
	await homeWindow(page);
	await expect(triggers(page)).toHaveText("Close");
	await expect(triggers(page)).toHaveAttribute("aria-expanded", "true");
	await done();
});

test("level 4: custom trigger content and a positioned, styled Support.Content with the router", async ({
	browser,
}) => {
	const { page, done } = await openSample(browser, "/customization/level-4");
	await expect(triggers(page)).toHaveCount(1);
	await page.getByRole("button", { name: "Chat with us" }).click();
	const dialog = await homeWindow(page);
	await expect(dialog).toHaveClass(/border-purple-500/);
	await expect(dialog).toHaveAttribute("data-align", "end");
	await expect(page.getByRole("button", { name: "Close chat" })).toBeVisible();
	await done();
});

test("level 5 as written (Support.Root, Support.Trigger asChild) in a Client Component", async ({
	browser,
}) => {
	const { page, done } = await openSample(browser, "/customization/level-5");
	await expectComposedLevel5(page);
	await done();
});

test("level 5 with the parts' own names in a Server Component", async ({ browser }) => {
	const { page, done } = await openSample(browser, "/server-components");
	await expectComposedLevel5(page);
	await done();
});

/** The docs' level 5: only the composed parts, the app's own button as trigger, dark theme. */
async function expectComposedLevel5(page: Page) {
	const help = page.getByRole("button", { name: "Help" });
	await expect(help).toHaveClass("co-trigger px-4 py-2 bg-indigo-600 rounded");
	await expect(triggers(page)).toHaveCount(1);
	await expect(page.locator(".co-trigger-default")).toHaveCount(0);
	await expect(page.locator(".co-root")).toHaveAttribute("data-color-scheme", "dark");
	await expect(help).toHaveAttribute("aria-expanded", "false");
	await help.click();
	const dialog = await homeWindow(page);
	await expect(dialog).toHaveClass(/custom-content/);
	await expect(dialog).toHaveAttribute("data-side", /bottom|top/);
	await expect(help).toHaveAttribute("aria-expanded", "true");
	await page.keyboard.press("Escape");
	await expect(dialog).toBeHidden();
	await expect(help).toBeFocused();
}

test("the topbar trigger sits in the app's navigation", async ({ browser }) => {
	const { page, done } = await openSample(browser, "/customization/topbar");
	const nav = page.getByRole("navigation");
	await expect(nav.getByRole("link", { name: "Settings" })).toBeVisible();
	await expect(triggers(page)).toHaveCount(1);
	await nav.getByRole("button", { name: "Help" }).click();
	await homeWindow(page);
	await expect(triggers(page)).toHaveText("Close");
	await done();
});

test("the full example: an icon-only trigger named after what it does, the dark theme", async ({
	browser,
}) => {
	const { page, done } = await openSample(browser, "/customization/full-example");
	await expect(triggers(page)).toHaveCount(1);
	await expect(page.locator(".co-root")).toHaveAttribute("data-color-scheme", "dark");
	await page.getByRole("button", { name: "Open support" }).click();
	const dialog = await homeWindow(page);
	await expect(dialog).toHaveClass(/border-indigo-200/);
	await expect(page.getByRole("button", { name: "Close support" })).toBeVisible();
	await done();
});

for (const path of ["/customization/custom-pages", "/customization/router-pages"]) {
	test(`a page registered with Support.Page (${path}) opens and goes back`, async ({ browser }) => {
		const { page, done } = await openSample(browser, path);
		await expect(triggers(page)).toHaveCount(1);
		await page.getByRole("button", { name: "Go to FAQ" }).click();
		const dialog = page.getByRole("dialog", { name: "Support" });
		await expect(dialog.getByRole("heading", { name: "Frequently Asked Questions" })).toBeVisible();
		await dialog.getByRole("button", { name: "← Back" }).click();
		await expect(dialog.getByText("How can we help?")).toBeVisible();
		await done();
	});
}

test("Basic usage's custom HELP page", async ({ browser }) => {
	const { page, done } = await openSample(browser, "/support-component/custom-page");
	await page.getByRole("button", { name: "Go to HELP" }).click();
	await expect(
		page.getByRole("dialog", { name: "Support" }).getByRole("heading", { name: "Help Center" }),
	).toBeVisible();
	await done();
});

test("Routing & Pages' complete example: MyButton navigates to SETTINGS with params, then FAQ", async ({
	browser,
}) => {
	const { page, done } = await openSample(browser, "/routing/complete-example");
	await page.getByRole("button", { name: "Open support" }).click();
	const dialog = await homeWindow(page);
	await page.getByRole("button", { name: "Open Settings" }).click();
	await expect(dialog.getByRole("heading", { name: "Settings - profile" })).toBeVisible();
	await dialog.getByRole("button", { name: "View FAQ" }).click();
	await expect(dialog.getByRole("heading", { name: "FAQ" })).toBeVisible();
	await dialog.getByRole("button", { name: "← Back" }).click();
	await expect(dialog.getByRole("heading", { name: "Settings - profile" })).toBeVisible();
	await done();
});

test("a Server Component's SupportTrigger and SupportPage: one trigger, the page registered", async ({
	browser,
}) => {
	const { page, done } = await openSample(browser, "/server-components/pages");
	// The default trigger stays away: the server-rendered part is recognised on the client.
	await expect(triggers(page)).toHaveCount(1);
	await expect(page.locator(".co-trigger-default")).toHaveCount(0);
	await page.getByRole("button", { name: "Help", exact: true }).click();
	await homeWindow(page);
	await page.getByRole("button", { name: "Go to HELP" }).click();
	await expect(
		page
			.getByRole("dialog", { name: "Support" })
			.getByRole("heading", { name: "Help from a Server Component page" }),
	).toBeVisible();
	await done();
});
