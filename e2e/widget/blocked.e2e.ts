import { newConversation } from "./support/widget-page.ts";
import { expect, test } from "./support/widget-test.ts";

test("a blocked visitor is told so, live and after a reload, instead of queueing messages; unblocked, live too", async ({
	openHost,
	page,
	desk,
}) => {
	await openHost("quickstart");
	const dialog = await newConversation(page);
	const composer = dialog.getByRole("textbox", { name: "Message" });
	await composer.fill("Buy cheap watches");
	await composer.press("Enter");
	const conversation = await desk.conversationWithMessage("Buy cheap watches");

	const blocked = "You can no longer send messages here.";
	await desk.setBlocked(conversation.visitorId, true, conversation.id);
	// The server closes the visitor's socket with `visitor_blocked`: the composer gives way.
	await expect(dialog.getByRole("status").filter({ hasText: blocked })).toBeVisible();
	await expect(dialog.getByRole("textbox", { name: "Message" })).toHaveCount(0);
	await expect(dialog.getByText("You're offline")).toHaveCount(0);

	// From the bootstrap after a reload: no "Ask a question" either.
	await page.reload();
	await page.getByRole("button", { name: "Open support" }).click();
	await expect(dialog.getByRole("status").filter({ hasText: blocked })).toBeVisible();
	await expect(dialog.getByRole("button", { name: "Ask a question" })).toHaveCount(0);

	// Unblocked: the window comes back live (the server closes the socket with
	// `visitor_unblocked`, the widget bootstraps again), and after a reload too.
	await desk.setBlocked(conversation.visitorId, false);
	await expect(dialog.getByText(blocked)).toHaveCount(0);
	await expect(dialog.getByRole("button", { name: "Ask a question" })).toBeVisible();
	await page.reload();
	await page.getByRole("button", { name: "Open support" }).click();
	await expect(dialog.getByRole("button", { name: "Ask a question" })).toBeVisible();
	await expect(dialog.getByText(blocked)).toHaveCount(0);
});
