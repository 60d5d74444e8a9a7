import { newConversation, sendMessage, writeFirstMessage } from "./support/widget-page.ts";
import { expect, test } from "./support/widget-test.ts";

/** A 1×1 PNG. */
const PIXEL_PNG = Buffer.from(
	"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
	"base64",
);

test.describe("conversation features", () => {
	test("the agent's typing shows and goes; reading turns the visitor's message to seen", async ({
		openHost,
		desk,
	}) => {
		const page = await openHost("quickstart");
		const dialog = await writeFirstMessage(page, "Can someone read this?");
		const conversation = await desk.conversationWithMessage("Can someone read this?");
		await expect(dialog.getByTestId("co-delivery")).toHaveText("Sent");

		desk.agent.typing(conversation.id, true);
		const typing = dialog.locator(".co-typing");
		await expect(typing).toContainText("is typing…");
		desk.agent.typing(conversation.id, false);
		await expect(typing).not.toContainText("is typing…");

		await desk.agent.command({ type: "conversation.markSeen", conversationId: conversation.id });
		await expect(dialog.getByTestId("co-delivery")).toHaveText("Seen");
	});

	test("images and files: attached from the composer, uploaded, shown in the message", async ({
		openHost,
		desk,
	}) => {
		const page = await openHost("quickstart");
		const dialog = await newConversation(page);
		await dialog.locator('input[type="file"]').setInputFiles([
			{ name: "pixel.png", mimeType: "image/png", buffer: PIXEL_PNG },
			{ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("order 1234\n") },
		]);
		await expect(dialog.getByRole("button", { name: "Remove pixel.png" })).toBeVisible();
		await expect(dialog.getByRole("button", { name: "Remove notes.txt" })).toBeVisible();
		await sendMessage(dialog, "Here are my files");

		const message = dialog.getByTestId("co-message").filter({ hasText: "Here are my files" });
		const image = message.getByRole("img", { name: "pixel.png" });
		await expect(image).toBeVisible();
		// The image really loaded from the server (a broken one has no natural width).
		await expect
			.poll(() => image.evaluate((node) => (node as HTMLImageElement).naturalWidth))
			.toBe(1);
		const file = message.getByRole("link", { name: "notes.txt" });
		await expect(file).toHaveAttribute("href", /\/v1\/uploads\/[\w-]+$/);
		await expect(file).toHaveAttribute("rel", "noopener noreferrer");

		const conversation = await desk.conversationWithMessage("Here are my files");
		const parts = conversation.lastTimelineItem?.parts ?? [];
		expect(parts.map((part) => part.type)).toEqual(["text", "image", "file"]);
	});

	test("after a reload the conversation is still there, from home and history", async ({
		openHost,
		page,
	}) => {
		await openHost("quickstart");
		let dialog = await writeFirstMessage(page, "Remember me after a reload");
		await expect(dialog.getByTestId("co-delivery")).toHaveText(/Sent|Seen/);

		await page.reload();
		await page.getByRole("button", { name: "Open support" }).click();
		dialog = page.getByRole("dialog", { name: "Support" });
		const recent = dialog.getByRole("region", { name: "Recent conversations" });
		await expect(recent).toContainText("Remember me after a reload");
		await recent.getByRole("button").filter({ hasText: "Remember me after a reload" }).click();
		await expect(
			dialog.getByTestId("co-message").filter({ hasText: "Remember me after a reload" }),
		).toBeVisible();
	});
});
