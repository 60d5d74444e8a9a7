import { axeViolations, expect, test, visitorWrites } from "./support/dashboard-test.ts";

// The dashboard's CSP forbids inline scripts; axe is injected as one.
test.use({ bypassCSP: true });

test.describe("the agents' dashboard", () => {
	test("full loop: a visitor writes, the agent sees it live, replies and resolves", async ({
		browser,
		page,
		host,
		signIn,
	}) => {
		await signIn(page);
		expect(await axeViolations(page), "axe on the inbox").toEqual([]);

		const visitorContext = await browser.newContext();
		const visitorPage = await visitorContext.newPage();
		const widget = await visitorWrites(visitorPage, host, "Hello, my invoice is wrong");

		const row = page.locator(".inbox-row").filter({ hasText: "Hello, my invoice is wrong" });
		await expect(row).toBeVisible();
		await expect(row).toHaveAttribute("data-unread", "true");
		await expect(row.getByRole("img", { name: "Unread" })).toBeVisible();

		await row.click();
		const pane = page.getByRole("region", { name: /^Conversation with/ });
		await expect(pane.getByText("Hello, my invoice is wrong")).toBeVisible();
		await expect(row).toHaveAttribute("data-unread", "false");
		expect(await axeViolations(page), "axe on the conversation").toEqual([]);

		// Typing, both ways (awareness; the server names the agent).
		const visitorBox = widget.getByRole("textbox", { name: "Message" });
		await visitorBox.fill("I am still writing");
		await expect(pane.getByRole("status").filter({ hasText: "is typing…" })).toBeVisible();
		await visitorBox.fill("");
		const composer = pane.getByRole("textbox", { name: "Reply" });
		await composer.fill("Sorry about that, fixing it now");
		await expect(widget.getByText(/is typing…/)).toBeVisible();
		// The draft survives a reload (a new version of the app may take over at any time).
		await page.reload();
		await expect(composer).toHaveValue("Sorry about that, fixing it now");
		await composer.press("Enter");
		await expect(composer).toHaveValue("");
		const reply = pane
			.getByTestId("message")
			.filter({ hasText: "Sorry about that, fixing it now" });
		await expect(reply.getByTestId("delivery")).toHaveAttribute("data-state", /sent|seen/);

		await pane.getByRole("button", { name: "Resolve" }).click();
		await expect(pane.getByTestId("conversation-status")).toHaveText("Resolved");
		await expect(pane.locator('[data-event="resolved"]')).toBeVisible();

		// The visitor sees the reply and the resolved event.
		await expect(widget.getByText("Sorry about that, fixing it now")).toBeVisible();
		await expect(widget.getByText(/resolved/i).first()).toBeVisible();
		// And the agent's reply shows as seen once the visitor's widget marked it.
		await expect(reply.getByTestId("delivery")).toHaveAttribute("data-state", "seen");
		await visitorContext.close();
	});

	test("axe: the login page has no violations", async ({ page, dashboardUrl }) => {
		await page.goto(dashboardUrl);
		await expect(page.getByRole("heading", { name: "Sign in to Cossistant" })).toBeVisible();
		expect(await axeViolations(page)).toEqual([]);
	});
});
