import { expect, test } from "../dashboard/support/dashboard-test.ts";
import { openAgentDesk } from "../widget/support/agent-desk.ts";
import { DESKTOP, settled, THEMES, volatile } from "./support/visual-test.ts";

// The widget's key screens, compared with the committed baselines in both themes: closed with an
// unread badge, home, a conversation, and the offline notice. The visitor is a named person
// identified by the host page, so names and initials are the same on every run.

test.use({ serverGroup: "visual-widget" });

for (const theme of THEMES) {
	test(`the widget's screens, ${theme}`, async ({ browser, backend, host }) => {
		const context = await browser.newContext({ viewport: DESKTOP, colorScheme: theme });
		const page = await context.newPage();
		const desk = await openAgentDesk(backend);
		try {
			await page.goto(
				host.url("quickstart", {
					identify: "1",
					user: theme === "light" ? "katherine" : "margaret",
					config: "1",
					theme,
				}),
			);
			await page.getByRole("heading", { name: "You are ready to chat" }).waitFor();
			const trigger = page.getByRole("button", { name: "Open support" });
			await trigger.click();
			const widget = page.getByRole("dialog", { name: "Support" });
			await expect(widget.getByRole("button", { name: "Ask a question" })).toBeVisible();
			await settled(page);
			await expect(widget).toHaveScreenshot(`widget-home-${theme}.png`, { mask: volatile(page) });

			await widget.getByRole("button", { name: "Ask a question" }).click();
			const composer = widget.getByRole("textbox", { name: "Message" });
			await composer.fill(`My invoice for March is missing (${theme})`);
			await composer.press("Enter");
			const conversation = await desk.conversationWithMessage(
				`My invoice for March is missing (${theme})`,
			);
			await desk.reply(conversation.id, "Sorry about that, I am sending it again now.");
			await expect(widget.getByText("Sorry about that, I am sending it again now.")).toBeVisible();
			await settled(page);
			await expect(widget).toHaveScreenshot(`widget-conversation-${theme}.png`, {
				mask: volatile(page),
			});

			// Closed, with the next reply unread: the trigger carries the badge.
			await page.getByRole("button", { name: "Close support" }).click();
			await expect(widget).toBeHidden();
			await desk.reply(conversation.id, "Done: it is in your inbox.");
			await expect(page.getByRole("button", { name: /Open support/ })).toContainText("1");
			await settled(page);
			await expect(page).toHaveScreenshot(`widget-closed-badge-${theme}.png`, {
				mask: volatile(page),
			});

			// Offline: the conversation stays readable and says so.
			await context.setOffline(true);
			await page.getByRole("button", { name: /Open support/ }).click();
			await expect(widget.getByRole("status").filter({ hasText: /offline/i })).toBeVisible();
			await settled(page);
			await expect(widget).toHaveScreenshot(`widget-offline-${theme}.png`, {
				mask: volatile(page),
			});
		} finally {
			desk.close();
			await context.close();
		}
	});
}
