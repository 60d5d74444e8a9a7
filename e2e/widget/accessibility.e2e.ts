import type { Page } from "@playwright/test";
import { axeViolations } from "./support/axe.ts";
import { holdLazyScripts } from "./support/hold-scripts.ts";
import { newConversation } from "./support/widget-page.ts";
import { expect, test } from "./support/widget-test.ts";

/** A conversation with both sides, a delivery state, a day separator and an event line. */
async function busyConversation(page: Page, desk: import("./support/agent-desk.ts").AgentDesk) {
	const dialog = page.getByRole("dialog", { name: "Support" });
	await dialog.getByRole("button", { name: "Ask a question" }).click();
	const composer = dialog.getByRole("textbox", { name: "Message" });
	const text = `Accessible question ${Math.random().toString(36).slice(2)}`;
	await composer.fill(text);
	await composer.press("Enter");
	const conversation = await desk.conversationWithMessage(text);
	await desk.reply(conversation.id, "An accessible answer, see https://example.com/docs");
	await desk.setStatus(conversation.id, "resolved");
	await expect(dialog.getByTestId("co-event")).not.toHaveCount(0);
	await expect(dialog.getByTestId("co-delivery").first()).toHaveText(/Sent|Seen/);
	return dialog;
}

test.describe("accessibility", () => {
	for (const dark of [false, true]) {
		test(`axe finds no violation on the home and conversation pages (${dark ? "dark" : "light"})`, async ({
			openHost,
			desk,
		}) => {
			const page = await openHost(
				"quickstart",
				dark ? { dark: "1", config: "1" } : { config: "1" },
			);
			expect(await axeViolations(page, ".cossistant")).toEqual([]);
			await page.getByRole("button", { name: "Open support" }).click();
			const dialog = page.getByRole("dialog", { name: "Support" });
			await expect(dialog.getByRole("button", { name: "Ask a question" })).toBeVisible();
			expect(await axeViolations(page, ".cossistant")).toEqual([]);
			await busyConversation(page, desk);
			expect(await axeViolations(page, ".cossistant")).toEqual([]);
		});
	}

	test("focus: moves into the window, Tab stays inside (also while it loads), Escape returns it to the trigger", async ({
		openHost,
		page,
		host,
	}) => {
		const scripts = await holdLazyScripts(page, host, "quickstart");
		await openHost("quickstart");
		const trigger = page.getByRole("button", { name: "Open support" });
		await trigger.focus();
		await page.keyboard.press("Enter");
		const dialog = page.getByRole("dialog", { name: "Support" });
		await expect(dialog).toBeVisible();
		const focusInside = () => dialog.evaluate((node) => node.contains(document.activeElement));
		expect(await focusInside()).toBe(true);

		// Its pages are still on the way: nothing to focus inside, and Tab must not escape.
		await expect(dialog.getByRole("button", { name: "Ask a question" })).toHaveCount(0);
		expect(scripts.requested().length).toBeGreaterThan(0);
		for (const key of ["Tab", "Tab", "Shift+Tab"]) {
			await page.keyboard.press(key);
			expect(await focusInside()).toBe(true);
		}
		scripts.release();
		await expect(dialog.getByRole("button", { name: "Ask a question" })).toBeVisible();

		// Twice as many Tabs as there are controls: focus never leaves the window.
		const controls = await dialog.locator("button, a[href], textarea, input").count();
		for (let index = 0; index < controls * 2 + 2; index += 1) {
			await page.keyboard.press("Tab");
			expect(await focusInside()).toBe(true);
		}
		for (let index = 0; index < controls + 1; index += 1) {
			await page.keyboard.press("Shift+Tab");
			expect(await focusInside()).toBe(true);
		}

		// Keyboard focus is visible on the window's controls.
		const focused = page.locator(":focus-visible");
		await expect(focused).toHaveCount(1);
		const outline = await focused.evaluate((node) => {
			const style = getComputedStyle(node);
			return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
		});
		expect(outline.style).not.toBe("none");
		expect(outline.width).toBeGreaterThan(0);

		await page.keyboard.press("Escape");
		await expect(dialog).toHaveCount(0);
		await expect(trigger).toBeFocused();
		await expect(trigger).toHaveAttribute("aria-expanded", "false");
	});

	test("Escape from the composer closes the window too", async ({ openHost }) => {
		const page = await openHost("quickstart");
		const dialog = await newConversation(page);
		const composer = dialog.getByRole("textbox", { name: "Message" });
		await expect(composer).toBeFocused();
		await composer.fill("half-written");
		await page.keyboard.press("Escape");
		await expect(dialog).toHaveCount(0);
		await expect(page.getByRole("button", { name: "Open support" })).toBeFocused();
		// The draft survives closing and reopening.
		await page.getByRole("button", { name: "Open support" }).click();
		await expect(dialog.getByRole("textbox", { name: "Message" })).toHaveValue("half-written");
	});
});
