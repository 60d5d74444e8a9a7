import type { Locator, Page } from "@playwright/test";
import type { E2eServer } from "../support/sync-server.ts";
import type { AgentDesk } from "./support/agent-desk.ts";
import { axeViolations } from "./support/axe.ts";
import { newConversation } from "./support/widget-page.ts";
import { expect, test } from "./support/widget-test.ts";

/** Any emoji: the widget's icons are SVG, never glyphs a visitor's system may lack. */
const EMOJI = /\p{Extended_Pictographic}/u;

/** `PATCH /v1/websites/:id/settings` as the demo admin. */
async function setReplyTime(backend: E2eServer, desk: AgentDesk, minutes: number | null) {
	const response = await fetch(`${backend.demo.apiUrl}/websites/${desk.websiteId}/settings`, {
		method: "PATCH",
		headers: {
			"content-type": "application/json",
			authorization: `Bearer ${desk.agent.session.token}`,
		},
		body: JSON.stringify({ replyTimeMinutes: minutes }),
	});
	expect(response.status).toBe(200);
}

async function box(locator: Locator) {
	const found = await locator.boundingBox();
	if (!found) throw new Error("not laid out");
	return found;
}

/** Records whether the window was seen in its closing state before it left the page. */
async function watchClosing(page: Page) {
	await page.evaluate(() => {
		const seen = { closing: false };
		(window as unknown as { closing: typeof seen }).closing = seen;
		new MutationObserver(() => {
			if (document.querySelector('.co-content[data-state="closed"]')) seen.closing = true;
		}).observe(document.body, { subtree: true, attributes: true, childList: true });
	});
	return () =>
		page.evaluate(() => (window as unknown as { closing: { closing: boolean } }).closing.closing);
}

test.describe("the widget's look", () => {
	for (const dark of [false, true]) {
		test(`home: the team and its reply time, a greeting without emoji, chips under Ask a question (${dark ? "dark" : "light"})`, async ({
			openHost,
			backend,
			desk,
		}) => {
			await setReplyTime(backend, desk, 60);
			try {
				const page = await openHost(
					"quickstart",
					dark ? { config: "1", dark: "1" } : { config: "1" },
				);
				await page.getByRole("button", { name: "Open support" }).click();
				const dialog = page.getByRole("dialog", { name: "Support" });
				const ask = dialog.getByRole("button", { name: "Ask a question" });
				await expect(ask).toBeVisible();
				await expect(dialog.getByText("We usually reply in 1 hour")).toBeVisible();
				const team = dialog.getByRole("list", { name: "Support team" });
				await expect(team.getByRole("img", { name: "Demo Admin" })).toBeVisible();

				// The quick option starts where "Ask a question"'s card does: no extra indent.
				const chip = dialog.getByRole("button", { name: "How to identify a visitor?" });
				const card = dialog.locator(".co-home-card");
				expect(Math.abs((await box(chip)).x - (await box(card)).x)).toBeLessThanOrEqual(1);

				await expect(dialog.locator("[data-key-name='page.home.greeting']")).toHaveText(
					/^(Hi there|Good evening)$/,
				);
				expect(await dialog.textContent()).not.toMatch(EMOJI);
				// Colour contrast included: the reply time and the avatars' initials read well.
				expect(await axeViolations(page, ".cossistant")).toEqual([]);
			} finally {
				await setReplyTime(backend, desk, null);
			}
		});
	}

	test("composer: a soft ring on the field when focused, the attach icon on its centre line", async ({
		openHost,
	}) => {
		const page = await openHost("quickstart");
		const dialog = await newConversation(page);
		const input = dialog.getByRole("textbox", { name: "Message" });
		await input.focus();
		const field = dialog.locator(".co-composer-box");
		const look = await field.evaluate((node) => {
			const style = getComputedStyle(node);
			const ring = getComputedStyle(node.closest(".cossistant") as Element).getPropertyValue(
				"--co-primary",
			);
			const probe = document.createElement("span");
			probe.style.color = ring;
			node.append(probe);
			const ringColour = getComputedStyle(probe).color;
			probe.remove();
			const text = node.querySelector("textarea") as HTMLTextAreaElement;
			return {
				border: style.borderTopColor,
				shadow: style.boxShadow,
				ringColour,
				textOutline: getComputedStyle(text).outlineStyle,
			};
		});
		expect(look.border).toBe(look.ringColour);
		expect(look.shadow).not.toBe("none");
		expect(look.textOutline).toBe("none");

		const attach = dialog.getByRole("button", { name: "Attach files" });
		const send = dialog.getByRole("button", { name: "Send" });
		const inputBox = await box(input);
		for (const button of [attach, send]) {
			const found = await box(button);
			const middle = found.y + found.height / 2;
			expect(Math.abs(middle - (inputBox.y + inputBox.height / 2))).toBeLessThanOrEqual(1);
			await expect(button.locator("svg")).toHaveCount(1);
			expect(await button.textContent()).toBe("");
		}
	});

	test("timeline: the newest message stays in view when attachment chips make the composer taller", async ({
		openHost,
		desk,
	}) => {
		const page = await openHost("quickstart");
		const dialog = await newConversation(page);
		const input = dialog.getByRole("textbox", { name: "Message" });
		await input.fill("First of many lines");
		await input.press("Enter");
		const conversation = await desk.conversationWithMessage("First of many lines");
		for (let line = 1; line <= 12; line++) {
			await desk.reply(conversation.id, `Answer line ${line} of a long explanation`);
		}
		const newest = dialog.getByText("Answer line 12 of a long explanation");
		await expect(newest).toBeInViewport();
		await dialog.locator('input[type="file"]').setInputFiles([
			{ name: "one.txt", mimeType: "text/plain", buffer: Buffer.from("1\n") },
			{ name: "two.txt", mimeType: "text/plain", buffer: Buffer.from("2\n") },
			{ name: "three.txt", mimeType: "text/plain", buffer: Buffer.from("3\n") },
		]);
		await expect(dialog.getByRole("button", { name: "Remove three.txt" })).toBeVisible();
		await expect(newest).toBeInViewport({ ratio: 1 });
	});

	test("motion: the window eases in and out, and not at all for reduced motion", async ({
		openHost,
	}) => {
		const page = await openHost("quickstart");
		const trigger = page.getByRole("button", { name: "Open support" });
		const dialog = page.getByRole("dialog", { name: "Support" });
		const content = page.locator(".co-content");

		await page.emulateMedia({ reducedMotion: "no-preference" });
		await trigger.click();
		await expect(dialog.getByRole("button", { name: "Ask a question" })).toBeVisible();
		expect(await content.evaluate((node) => getComputedStyle(node).animationName)).toBe("co-in");
		const sawClosing = await watchClosing(page);
		await page.keyboard.press("Escape");
		await expect(content).toHaveCount(0);
		expect(await sawClosing()).toBe(true);
		await expect(page.getByRole("button", { name: "Open support" })).toBeFocused();

		await page.emulateMedia({ reducedMotion: "reduce" });
		await page.getByRole("button", { name: "Open support" }).click();
		await expect(dialog).toBeVisible();
		expect(await content.evaluate((node) => getComputedStyle(node).animationName)).toBe("none");
		await dialog.getByRole("button", { name: "Close" }).click();
		// Gone at once: no closing animation to wait for.
		expect(await content.count()).toBe(0);
		await expect(page.getByRole("button", { name: "Open support" })).toBeFocused();
	});
});
