import { writeFirstMessage } from "./support/widget-page.ts";
import { expect, test } from "./support/widget-test.ts";

// The host app's shell comes from its own cache (here: route interception, as a service worker
// would serve it); the widget's data comes from IndexedDB. Neither needs the network.
test("reloaded while offline, the widget shows the visitor's conversation and queues a reply", async ({
	openHost,
	page,
	context,
	host,
	desk,
}) => {
	await host.serveOffline(context);
	await openHost("quickstart");
	let dialog = await writeFirstMessage(page, "Before the tunnel");
	const conversation = await desk.conversationWithMessage("Before the tunnel");
	await desk.reply(conversation.id, "Answer before the tunnel");
	await expect(dialog.getByText("Answer before the tunnel")).toBeVisible();

	await context.setOffline(true);
	await page.reload();
	await page.getByRole("heading", { name: "You are ready to chat" }).waitFor();
	await page.getByRole("button", { name: "Open support" }).click();
	dialog = page.getByRole("dialog", { name: "Support" });
	await expect(dialog.getByRole("status").filter({ hasText: "You're offline" })).toBeVisible();
	// Home lists the conversation from the local replica; it opens with its messages.
	const recent = dialog.getByRole("region", { name: "Recent conversations" });
	await recent.getByRole("button").filter({ hasText: "Answer before the tunnel" }).click();
	await expect(dialog.getByText("Answer before the tunnel")).toBeVisible();
	await expect(dialog.getByText("Before the tunnel", { exact: true })).toBeVisible();

	const offlineComposer = dialog.getByRole("textbox", { name: "Message" });
	await offlineComposer.fill("Written in the tunnel");
	await offlineComposer.press("Enter");
	const queued = dialog.getByTestId("co-message").filter({ hasText: "Written in the tunnel" });
	await expect(queued.getByTestId("co-delivery")).toHaveText("Sending…");

	await context.setOffline(false);
	await expect(queued.getByTestId("co-delivery")).toHaveText(/Sent|Seen/, { timeout: 30_000 });
	await expect
		.poll(async () => (await desk.timeline(conversation.id)).map((item) => item.parts[0]))
		.toContainEqual({ type: "text", text: "Written in the tunnel" });
});
