import { expect, test, visitorWrites } from "./support/dashboard-test.ts";

test.describe("keyboard", () => {
	test("inbox → conversation → resolve → back, with the keyboard only", async ({
		browser,
		page,
		host,
		signIn,
	}) => {
		// Other tests of this worker share the server: a token keeps this test's conversations apart.
		const token = `kb${Date.now().toString(36)}`;
		const visitorContext = await browser.newContext();
		await visitorWrites(await visitorContext.newPage(), host, `First question ${token}`);
		const second = await visitorContext.newPage();
		await visitorWrites(second, host, `Second question ${token}`);
		await signIn(page);
		await page.keyboard.press("/");
		const search = page.getByRole("searchbox", { name: "Search conversations" });
		await expect(search).toBeFocused();
		await page.keyboard.type(token);
		await page.keyboard.press("Escape");
		await expect(search).not.toBeFocused();
		await expect(page.locator(".inbox-row")).toHaveCount(2);

		// ? shows the shortcuts in a modal dialog; Escape closes it.
		await page.keyboard.press("?");
		const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
		await expect(help).toBeVisible();
		await page.keyboard.press("Escape");
		await expect(help).toBeHidden();

		// j lands on the newest conversation, j again on the next, k back up.
		await page.keyboard.press("j");
		await expect(page.locator(".inbox-row").first()).toBeFocused();
		await page.keyboard.press("j");
		await expect(page.locator(".inbox-row").nth(1)).toBeFocused();
		await page.keyboard.press("k");
		const newest = page.locator(".inbox-row").first();
		await expect(newest).toBeFocused();
		await expect(newest).toContainText("Second question");

		await page.keyboard.press("Enter");
		await expect(page).toHaveURL(/\/dashboard\/conversations\//);
		const pane = page.getByRole("region", { name: /^Conversation with/ });
		await expect(pane.getByText("Second question")).toBeVisible();

		// a assigns to me, r resolves; each leaves its event item.
		await page.keyboard.press("a");
		await expect(pane.locator('[data-event="assigned"]')).toBeVisible();
		await page.keyboard.press("r");
		await expect(pane.getByTestId("conversation-status")).toHaveText("Resolved");
		await expect(pane.locator('[data-event="resolved"]')).toBeVisible();

		// n opens the composer as an internal note; Escape leaves the field, Escape again the page.
		await page.keyboard.press("n");
		const noteBox = pane.getByRole("textbox", { name: "Internal note" });
		await expect(noteBox).toBeFocused();
		await page.keyboard.press("Escape");
		await page.keyboard.press("Escape");
		await expect(page).toHaveURL(/\/dashboard\/$/);
		// The resolved conversation left the Open view.
		await expect(page.locator(".inbox-row")).toHaveCount(1);
		await expect(page.locator(".inbox-row").first()).toContainText("First question");
		// / goes back to the search, which matches message text word by word.
		await page.keyboard.press("/");
		await expect(search).toBeFocused();
		await page.keyboard.type(" second");
		await expect(page.locator(".inbox-row")).toHaveCount(0);
		await visitorContext.close();
	});
});
