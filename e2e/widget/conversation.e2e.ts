import { newConversation, writeFirstMessage } from "./support/widget-page.ts";
import { expect, test } from "./support/widget-test.ts";

test.describe("the conversation page", () => {
	test("a message sent offline shows as queued, then as sent once the connection is back", async ({
		openHost,
		context,
		desk,
	}) => {
		const page = await openHost("quickstart");
		const dialog = await newConversation(page);
		await context.setOffline(true);
		await expect(dialog.getByRole("status").filter({ hasText: "You're offline" })).toBeVisible();
		const composer = dialog.getByRole("textbox", { name: "Message" });
		await composer.fill("Written on a train");
		await dialog.getByRole("button", { name: "Send" }).click();
		const message = dialog.getByTestId("co-message").filter({ hasText: "Written on a train" });
		await expect(message.locator(".co-delivery")).toHaveAttribute("data-state", "queued");
		await expect(message.getByTestId("co-delivery")).toHaveText("Sending…");

		await context.setOffline(false);
		await expect(message.locator(".co-delivery")).toHaveAttribute("data-state", /sent|seen/, {
			timeout: 30_000,
		});
		await expect(dialog.getByText("You're offline")).toHaveCount(0);
		// The conversation was created offline too: the agent sees it with that message.
		const conversation = await desk.conversationWithMessage("Written on a train");
		expect(conversation.status).toBe("open");
	});

	test("markup in messages renders as text, links only as safe http(s) links", async ({
		openHost,
		desk,
	}) => {
		const page = await openHost("quickstart");
		const dialog = await newConversation(page);
		const composer = dialog.getByRole("textbox", { name: "Message" });
		const attack = "<img src=x onerror=alert(1)>";
		await composer.fill(attack);
		await composer.press("Enter");
		await expect(dialog.getByText(attack, { exact: true })).toBeVisible();

		const conversation = await desk.conversationWithMessage(attack);
		await desk.reply(
			conversation.id,
			'<script>alert(2)</script><b onmouseover="alert(3)">bold</b> See https://example.com/help. Not javascript:alert(4)',
		);
		const reply = dialog.getByTestId("co-message").filter({ hasText: "<script>alert(2)</script>" });
		await expect(reply).toBeVisible();
		const link = reply.getByRole("link", { name: "https://example.com/help" });
		await expect(link).toHaveAttribute("href", "https://example.com/help");
		await expect(link).toHaveAttribute("target", "_blank");
		await expect(link).toHaveAttribute("rel", "noopener noreferrer");
		await expect(reply.getByRole("link")).toHaveCount(1);

		// No element came from the text: no image, script or bold tag inside any bubble.
		await expect(dialog.locator(".co-message-bubble img, .co-message-bubble script")).toHaveCount(
			0,
		);
		await expect(dialog.locator(".co-message-bubble b")).toHaveCount(0);
		await reply.hover();
		// The fixture fails the test if any dialog (alert) opened.
	});

	test("Enter sends, Shift+Enter adds a line; today's messages sit under a day separator", async ({
		openHost,
		desk,
	}) => {
		const page = await openHost("quickstart");
		const dialog = await newConversation(page);
		const composer = dialog.getByRole("textbox", { name: "Message" });
		await expect(composer).toBeFocused();
		await composer.pressSequentially("First line");
		await composer.press("Shift+Enter");
		await composer.pressSequentially("second line");
		await expect(composer).toHaveValue("First line\nsecond line");
		await expect(dialog.getByTestId("co-message")).toHaveCount(0);
		await composer.press("Enter");
		await expect(composer).toHaveValue("");
		const message = dialog.getByTestId("co-message").filter({ hasText: "First line" });
		await expect(message.locator(".co-message-text")).toHaveText("First line\nsecond line");
		// Both lines show (pre-wrapped text), one above the other. Polled: the queued message's
		// node is replaced by the server's when the send is confirmed.
		await expect
			.poll(() =>
				message.locator(".co-message-text").evaluate((node) => {
					const lineHeight = Number.parseFloat(getComputedStyle(node).lineHeight);
					return node.getBoundingClientRect().height / lineHeight;
				}),
			)
			.toBeGreaterThanOrEqual(1.95);
		await expect(dialog.locator(".co-day-separator")).toHaveText(["Today"]);

		const conversation = await desk.conversationWithMessage("First line\nsecond line");
		expect(conversation.visitorId).toBeTruthy();
	});

	test("new messages are announced: a polite live log while open, a status while closed", async ({
		openHost,
		desk,
	}) => {
		const page = await openHost("quickstart");
		const dialog = await writeFirstMessage(page, "Is anyone there?");
		const conversation = await desk.conversationWithMessage("Is anyone there?");
		await desk.reply(conversation.id, "Yes, Sarah here.");
		const log = dialog.getByRole("log", { name: "Messages" });
		await expect(log).toHaveAttribute("aria-live", "polite");
		await expect(log.getByText("Yes, Sarah here.")).toBeVisible();

		// Window closed: a polite status region says a reply is waiting (the trigger's label
		// changes too, but a changed label is not announced).
		await page.keyboard.press("Escape");
		await expect(dialog).toHaveCount(0);
		const announcer = page.getByTestId("co-unread-announcer");
		await expect(announcer).toHaveAttribute("role", "status");
		await expect(announcer).toHaveText("");
		await desk.reply(conversation.id, "Are you still there?");
		await expect(announcer).toHaveText("1 unread message");
		await page.getByRole("button", { name: "Open support, 1 unread message" }).click();
		await expect(announcer).toHaveText("");
	});
});
