import { holdLazyScripts } from "./support/hold-scripts.ts";
import { writeFirstMessage } from "./support/widget-page.ts";
import { expect, test } from "./support/widget-test.ts";

// The docs' React Quickstart as a host page, against a real sync-server and a real agent.
test.describe("the React Quickstart page", () => {
	test("zero-config <Support /> shows a trigger that opens the support window", async ({
		openHost,
	}) => {
		const page = await openHost("quickstart");
		const trigger = page.getByRole("button", { name: "Open support" });
		await expect(trigger).toHaveAttribute("aria-expanded", "false");
		await trigger.click();
		const dialog = page.getByRole("dialog", { name: "Support" });
		await expect(dialog).toBeVisible();
		await expect(page.getByRole("button", { name: "Close support" })).toHaveAttribute(
			"aria-expanded",
			"true",
		);
		await expect(dialog.getByText("How can we help?")).toBeVisible();
		await expect(dialog.getByRole("button", { name: "Ask a question" })).toBeVisible();
		// The demo website's name, from the server's bootstrap answer, heads the home page.
		await expect(dialog.getByRole("heading", { level: 2 })).not.toHaveText("");
	});

	test("a visitor's message reaches the agent, and the reply badges the closed trigger", async ({
		openHost,
		desk,
	}) => {
		const page = await openHost("quickstart");
		const dialog = await writeFirstMessage(page, "Hello from the Quickstart page");
		await expect(dialog.getByTestId("co-delivery").last()).toHaveText(/Sent|Seen/);

		const conversation = await desk.conversationWithMessage("Hello from the Quickstart page");
		const timeline = await desk.timeline(conversation.id);
		expect(timeline.at(-1)?.parts).toEqual([
			{ type: "text", text: "Hello from the Quickstart page" },
		]);

		await page.keyboard.press("Escape");
		await expect(dialog).toHaveCount(0);
		await desk.reply(conversation.id, "Welcome! How can I help?");
		const badge = page.getByTestId("co-unread-badge");
		await expect(badge).toHaveText("1");
		const trigger = page.getByRole("button", { name: "Open support, 1 unread message" });
		await trigger.click();
		await expect(dialog.getByText("Welcome! How can I help?")).toBeVisible();
		await expect(badge).toHaveCount(0);
	});

	test("IdentifySupportVisitor and SupportConfig: the greeting names Jane, the welcome copy shows", async ({
		openHost,
	}) => {
		const page = await openHost("quickstart", { identify: "1", config: "1" });
		await page.getByRole("button", { name: "Open support" }).click();
		const dialog = page.getByRole("dialog", { name: "Support" });
		// The greeting reads the contact's name, which only the server's identify answer carries.
		await expect(dialog.getByText(/^(Hi|Good evening) Jane Doe$/)).toBeVisible();
		await expect(dialog.getByRole("button", { name: "How to identify a visitor?" })).toBeVisible();
		await dialog.getByRole("button", { name: "Ask a question" }).click();
		await expect(dialog.getByText("Hi Jane Doe, anything I can help with?")).toBeVisible();
	});

	test("the trigger is usable before the widget's lazy scripts arrive (trigger first)", async ({
		openHost,
		page,
		host,
	}) => {
		const scripts = await holdLazyScripts(page, host, "quickstart");
		await openHost("quickstart");
		const trigger = page.getByRole("button", { name: "Open support" });
		await expect(trigger).toBeVisible();
		await trigger.click();
		const dialog = page.getByRole("dialog", { name: "Support" });
		await expect(dialog).toBeVisible();
		await expect(dialog.getByRole("status")).toHaveText("Loading…");
		expect(scripts.requested().length).toBeGreaterThan(0);
		scripts.release();
		await expect(dialog.getByRole("button", { name: "Ask a question" })).toBeVisible();
	});
});
