import type { Page } from "@playwright/test";
import { expect, test, visitorWrites } from "../../dashboard/support/dashboard-test.ts";
import { DESKTOP, PHONE, settled, type Theme, volatile } from "./visual-test.ts";

// The dashboard's key screens, compared with the committed baselines: sign-in, inbox, a
// conversation with a note and event lines, settings, and the phone's inbox and conversation.
// Every visitor is a named person identified by the host page, so every name is the same on every
// run; times, ids and key values are masked. Each screen set runs in a file of its own that picks
// its own server (`serverGroup`), so what a screen shows never depends on which tests ran before.

async function compare(page: Page, name: string): Promise<void> {
	await settled(page);
	await expect(page).toHaveScreenshot(name, { mask: volatile(page) });
}

/** Registers the desktop screens (sign-in, inbox, conversation, settings) in `theme`. */
export function desktopScreens(theme: Theme): void {
	test.use({ colorScheme: theme, bypassCSP: true });
	test(`the dashboard's screens on a desktop, ${theme}`, async ({
		browser,
		page,
		host,
		dashboardUrl,
		signIn,
	}) => {
		await page.setViewportSize(DESKTOP);
		await page.goto(dashboardUrl);
		await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
		await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
		await compare(page, `dashboard-sign-in-${theme}.png`);

		await signIn(page);
		const visitor = await browser.newContext();
		await visitorWrites(await visitor.newPage(), host, `Where is my March invoice? (${theme})`, {
			identify: "1",
			user: theme === "light" ? "jane" : "grace",
		});
		const row = page.locator(".inbox-row").filter({ hasText: `March invoice? (${theme})` });
		await expect(row).toBeVisible();
		await compare(page, `dashboard-inbox-${theme}.png`);

		await row.click();
		const pane = page.getByRole("region", { name: /^Conversation with/ });
		await pane.getByRole("button", { name: "Internal note" }).click();
		const note = pane.getByRole("textbox", { name: "Internal note" });
		await note.fill("Invoice was bounced by their mail server.");
		await note.press("Enter");
		await expect(pane.getByTestId("internal-note")).toBeVisible();
		await pane.getByRole("button", { name: "Reply", exact: true }).click();
		const reply = pane.getByRole("textbox", { name: "Reply" });
		await reply.fill("Sorry about that, I am sending it again now.");
		await reply.press("Enter");
		await pane.getByRole("button", { name: "Assign to me" }).click();
		await expect(pane.locator('[data-event="assigned"]')).toBeVisible();
		await compare(page, `dashboard-conversation-${theme}.png`);

		await page.getByRole("link", { name: "Settings" }).click();
		await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
		await compare(page, `dashboard-settings-${theme}.png`);
		await visitor.close();
	});
}

/** Registers the phone screens (inbox, conversation) in `theme`. */
export function phoneScreens(theme: Theme): void {
	test.use({ colorScheme: theme, bypassCSP: true });
	test(`the dashboard's screens on a phone, ${theme}`, async ({ browser, page, host, signIn }) => {
		await page.setViewportSize(PHONE);
		await signIn(page);
		const visitor = await browser.newContext();
		await visitorWrites(await visitor.newPage(), host, `Can I change my plan? (${theme})`, {
			identify: "1",
			user: theme === "light" ? "ada" : "alan",
		});
		const row = page.locator(".inbox-row").filter({ hasText: `change my plan? (${theme})` });
		await expect(row).toBeVisible();
		await compare(page, `dashboard-phone-inbox-${theme}.png`);

		await row.click();
		const pane = page.getByRole("region", { name: /^Conversation with/ });
		await expect(pane.getByText(`Can I change my plan? (${theme})`)).toBeVisible();
		await compare(page, `dashboard-phone-conversation-${theme}.png`);
		await visitor.close();
	});
}
