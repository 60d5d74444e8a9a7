import type { Page } from "@playwright/test";
import { axeViolations as axeNow, expect, test, visitorWrites } from "./support/dashboard-test.ts";

test.use({ bypassCSP: true });

/** axe once the menus' and dialogs' entrance animations are over (colours are final then). */
async function axeViolations(page: Page): Promise<string[]> {
	await page.evaluate(() =>
		Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))),
	);
	return axeNow(page);
}

test.describe("redesigned screens pass axe, light and dark", () => {
	test("settings, the command palette and the conversation's menus", async ({
		browser,
		page,
		host,
		signIn,
	}) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await signIn(page);
		const visitorContext = await browser.newContext();
		await visitorWrites(await visitorContext.newPage(), host, "Checking every screen");

		for (const theme of ["light", "dark"] as const) {
			if (theme === "dark") await page.getByRole("button", { name: "Use dark theme" }).click();
			await expect(page.locator("html")).toHaveAttribute("data-theme", theme);

			await page.getByRole("link", { name: "Settings" }).click();
			await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
			await expect(page.getByRole("list", { name: "API keys" })).toBeVisible();
			await expect(page.getByRole("list", { name: "Team members" })).toBeVisible();
			await expect(page.getByRole("switch", { name: /Require a signature/ })).toBeVisible();
			expect(await axeViolations(page), `axe on settings, ${theme}`).toEqual([]);

			// ⌘K: the palette finds a conversation by its message and opens it.
			await page.keyboard.press("Control+k");
			const palette = page.getByRole("dialog", { name: "Command palette" });
			await expect(palette).toBeVisible();
			expect(await axeViolations(page), `axe with the palette open, ${theme}`).toEqual([]);
			await page.keyboard.type("Checking every");
			await palette.getByRole("option", { name: /Checking every screen/ }).click();
			await expect(palette).toBeHidden();
			const pane = page.getByRole("region", { name: /^Conversation with/ });
			await expect(pane.getByText("Checking every screen")).toBeVisible();

			// The overflow menu and a combobox, open.
			await pane.getByRole("button", { name: "More actions" }).click();
			await expect(page.getByRole("menuitem", { name: "Block visitor" })).toBeVisible();
			expect(await axeViolations(page), `axe with the menu open, ${theme}`).toEqual([]);
			await page.keyboard.press("Escape");
			await pane.getByRole("button", { name: /^Priority:/ }).click();
			await expect(pane.getByRole("option", { name: "Urgent" })).toBeVisible();
			expect(await axeViolations(page), `axe with the priority list open, ${theme}`).toEqual([]);
			await page.keyboard.press("Escape");
		}
		await visitorContext.close();
	});
});
