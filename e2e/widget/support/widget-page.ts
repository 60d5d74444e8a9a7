import type { Locator, Page } from "@playwright/test";

// What a visitor does first in most widget tests, in one place: open the widget from its trigger,
// start a conversation, write the first message.

/** The widget's window on `page` (present only while it is open). */
export function supportDialog(page: Page): Locator {
	return page.getByRole("dialog", { name: "Support" });
}

/** Opens the widget from its trigger and starts a new conversation; resolves with the window. */
export async function newConversation(page: Page): Promise<Locator> {
	await page.getByRole("button", { name: "Open support" }).click();
	const dialog = supportDialog(page);
	await dialog.getByRole("button", { name: "Ask a question" }).click();
	return dialog;
}

/** Writes `text` in the open window's composer and sends it with Enter. */
export async function sendMessage(dialog: Locator, text: string): Promise<void> {
	const composer = dialog.getByRole("textbox", { name: "Message" });
	await composer.fill(text);
	await composer.press("Enter");
}

/** Opens the widget, starts a conversation and sends `text` as its first message. */
export async function writeFirstMessage(page: Page, text: string): Promise<Locator> {
	const dialog = await newConversation(page);
	await sendMessage(dialog, text);
	return dialog;
}
