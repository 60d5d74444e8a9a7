import {
	type Browser,
	type BrowserContext,
	expect,
	type Locator,
	type Page,
} from "@playwright/test";
import type { PageGuard } from "./page-guard.ts";

/** Browser profiles (each its own IndexedDB and cookies: a device) on the example app. */
export class Devices {
	private readonly contexts: BrowserContext[] = [];

	constructor(
		private readonly browser: Browser,
		private readonly appUrl: string,
		private readonly guard: PageGuard,
	) {}

	/** A fresh device on `path`, signed in as `userId` (the demo's session cookie) if given. */
	async open(path: string, userId?: string): Promise<Page> {
		const context = await this.browser.newContext();
		this.contexts.push(context);
		if (userId) await context.addCookies([{ name: "demo_user", value: userId, url: this.appUrl }]);
		const page = this.guard.watch(await context.newPage());
		await page.goto(`${this.appUrl}${path}`);
		return page;
	}

	async closeAll(): Promise<void> {
		for (const context of this.contexts.splice(0)) await context.close();
	}
}

/** Opens the widget from its trigger and returns its window. */
export async function openWidget(page: Page): Promise<Locator> {
	await page.getByRole("button", { name: /^Open support/ }).click();
	return page.getByRole("dialog", { name: "Support" });
}

/** Starts a conversation from the widget's home with `text`. */
export async function sendFromWidget(page: Page, text: string): Promise<void> {
	const dialog = await openWidget(page);
	await dialog.getByRole("button", { name: "Ask a question" }).click();
	const composer = dialog.getByRole("textbox", { name: "Message" });
	await composer.fill(text);
	await composer.press("Enter");
	await expect(dialog.getByText(text)).toBeVisible();
}

/** The contact id the dashboard shows once the visitor is identified. */
export async function contactIdOf(page: Page): Promise<string> {
	const badge = page.getByTestId("contact-id");
	await expect(badge).toHaveText(/^[0-9a-f-]{20,}$/, { timeout: 20_000 });
	return (await badge.textContent()) ?? "";
}
