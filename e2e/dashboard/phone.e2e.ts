import type { Locator, Page } from "@playwright/test";
import { axeViolations, expect, test, visitorWrites } from "./support/dashboard-test.ts";

test.use({ bypassCSP: true });

const PHONE = { width: 390, height: 844 };

/** Visible controls inside `scope` smaller than 44 × 44 px (links inside message text excepted). */
async function smallTargets(scope: Locator): Promise<string[]> {
	return scope.evaluate((root) => {
		const controls = root.querySelectorAll<HTMLElement>(
			'button, [role="button"], a[href], input:not([type="hidden"]), textarea, select, [role="switch"]',
		);
		const small: string[] = [];
		for (const control of controls) {
			// Links inside a message's text are part of a sentence (WCAG's inline exception).
			if (control.closest('[data-testid="message"] p, [data-testid="internal-note"] p')) continue;
			// A file input is drawn by its label (the attach button), which is measured instead.
			const target =
				control instanceof HTMLInputElement && control.type === "file"
					? (control.closest("label") ?? control)
					: control;
			const box = target.getBoundingClientRect();
			if (box.width === 0 || box.height === 0) continue;
			if (getComputedStyle(target).visibility === "hidden") continue;
			if (box.width < 44 || box.height < 44) {
				const name = control.getAttribute("aria-label") ?? control.textContent?.trim() ?? "";
				small.push(
					`${control.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`,
				);
			}
		}
		return small;
	});
}

async function noHorizontalScroll(page: Page) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, "no horizontal scrolling on a phone").toBeLessThanOrEqual(PHONE.width);
}

test.describe("phone layout (390 × 844)", () => {
	test("inbox → conversation → contact panel as pages with back buttons, one-row top bar, 44 px targets, composer in reach", async ({
		browser,
		page,
		host,
		signIn,
	}) => {
		await page.setViewportSize(PHONE);
		await signIn(page);
		const visitorContext = await browser.newContext();
		await visitorWrites(await visitorContext.newPage(), host, "Sending this from the bus");

		// The top bar is one row, without the shortcuts (no keyboard on a phone).
		const topBar = page.locator("header").first();
		expect((await topBar.boundingBox())?.height).toBeLessThanOrEqual(64);
		await expect(page.getByRole("button", { name: "Keyboard shortcuts" })).toBeHidden();
		expect(await smallTargets(topBar), "top bar targets").toEqual([]);
		const inbox = page.getByRole("region", { name: /^Inbox/ });
		expect(await smallTargets(inbox), "inbox targets").toEqual([]);
		await noHorizontalScroll(page);

		// Inbox → conversation: one page at a time.
		await page.locator(".inbox-row").filter({ hasText: "Sending this from the bus" }).click();
		const pane = page.getByRole("region", { name: /^Conversation with/ });
		await expect(pane.getByText("Sending this from the bus")).toBeVisible();
		await expect(inbox).toBeHidden();
		const composer = pane.getByRole("textbox", { name: "Reply" });
		await expect(composer).toBeInViewport();
		const box = await composer.boundingBox();
		expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
		expect(await smallTargets(pane), "conversation targets").toEqual([]);
		await noHorizontalScroll(page);

		// Conversation → contact panel, then back, then back to the inbox.
		await pane.getByRole("button", { name: "Contact details" }).click();
		await expect(page).toHaveURL(/\/contact$/);
		const contact = page.getByRole("complementary", { name: "Contact" });
		await expect(contact.getByRole("heading", { level: 2 })).toBeVisible();
		await expect(pane).toBeHidden();
		expect(await smallTargets(contact), "contact panel targets").toEqual([]);
		expect(await axeViolations(page), "axe on the contact panel, phone").toEqual([]);
		await noHorizontalScroll(page);
		await contact.getByRole("button", { name: "Back to the conversation" }).click();
		await expect(pane.getByText("Sending this from the bus")).toBeVisible();
		await expect(contact).toBeHidden();
		await pane.getByRole("button", { name: "Back to inbox" }).click();
		await expect(inbox).toBeVisible();
		await expect(pane).toBeHidden();

		// Settings: every control a thumb can hit, nothing wider than the screen.
		await page.getByRole("link", { name: "Settings" }).click();
		const settings = page.getByRole("main");
		await expect(settings.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
		expect(await smallTargets(settings), "settings targets").toEqual([]);
		await noHorizontalScroll(page);
		await visitorContext.close();
	});
});
