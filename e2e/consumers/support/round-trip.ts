import { type Browser, expect, type Page } from "@playwright/test";
import type { AgentDesk } from "../../widget/support/agent-desk.ts";

/**
 * Opens `url` in a fresh browser context (a new visitor) and records what must not happen on a
 * consumer app's page: uncaught errors and `console.error`s.
 */
export async function openConsumerPage(
	browser: Browser,
	url: string,
): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const problems = recordProblems(page);
	await page.goto(url);
	await page.getByRole("heading", { name: "You are ready to chat" }).waitFor();
	return { page, problems, close: () => context.close() };
}

/**
 * Collects what must not happen on a consumer app's page, as it happens: uncaught errors,
 * `console.error`s (hydration warnings included) and responses with an error status.
 */
export function recordProblems(page: Page): string[] {
	const problems: string[] = [];
	page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
	page.on("console", (message) => {
		if (message.type() === "error") problems.push(`console.error: ${message.text()}`);
	});
	// Names the resource behind a "Failed to load resource" console error.
	page.on("response", (response) => {
		if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
	});
	return problems;
}

/**
 * The Quickstart's promise, end to end: the visitor opens the widget and sends `text`, the agent
 * receives it and answers, and the answer shows in the widget.
 */
export async function messageRoundTrip(page: Page, desk: AgentDesk, text: string): Promise<void> {
	await page.getByRole("button", { name: /^Open support/ }).click();
	const dialog = page.getByRole("dialog", { name: "Support" });
	await dialog.getByRole("button", { name: "Ask a question" }).click();
	const composer = dialog.getByRole("textbox", { name: "Message" });
	await composer.fill(text);
	await composer.press("Enter");
	await expect(dialog.getByTestId("co-delivery").last()).toHaveText(/Sent|Seen/, {
		timeout: 20_000,
	});
	const conversation = await desk.conversationWithMessage(text);
	const answer = `An agent answers: ${text}`;
	await desk.reply(conversation.id, answer);
	await expect(dialog.getByText(answer)).toBeVisible({ timeout: 20_000 });
}

/**
 * The widget's trigger is on the page and styled by the package's stylesheet: a fixed-position
 * button, not the browser's default static one with its default background.
 */
export async function expectStyledTrigger(page: Page): Promise<void> {
	const trigger = page.getByRole("button", { name: /^Open support/ });
	await expect(trigger).toBeVisible();
	const style = await trigger.evaluate((element) => {
		const computed = getComputedStyle(element);
		return {
			position: computed.position,
			borderRadius: computed.borderRadius,
			backgroundColor: computed.backgroundColor,
		};
	});
	expect(style.position).toBe("fixed");
	expect(style.borderRadius).not.toBe("0px");
	expect(style.backgroundColor).not.toBe("rgb(239, 239, 239)");
	expect(style.backgroundColor).not.toBe("rgba(0, 0, 0, 0)");
}
