import { expect, test, visitorWrites } from "./support/dashboard-test.ts";

test.describe("inbox search", () => {
	test("finds a word of an older message through the server; offline, only the local filter", async ({
		browser,
		context,
		page,
		host,
		signIn,
	}) => {
		// A word no other test writes: only the first message holds it, the row previews the second.
		const word = `zq${Date.now().toString(36)}parcel`;
		const visitorContext = await browser.newContext();
		const widget = await visitorWrites(
			await visitorContext.newPage(),
			host,
			`My ${word} has not arrived`,
		);
		const composer = widget.getByRole("textbox", { name: "Message" });
		await composer.fill("Anyone there?");
		await composer.press("Enter");
		await expect(widget.getByText("Anyone there?")).toBeVisible();

		await signIn(page);
		await page.keyboard.press("/");
		const search = page.getByRole("searchbox", { name: "Search conversations" });
		await expect(search).toBeFocused();
		await page.keyboard.type(word);
		const rows = page.locator(".inbox-row");
		await expect(rows).toHaveCount(1);
		await expect(rows.first()).toContainText("Anyone there?");
		await expect(page.getByTestId("search-note")).toHaveCount(0);

		// Offline the device searches names, emails and latest messages only, and says so.
		await context.setOffline(true);
		await expect(page.getByTestId("connection")).toHaveAttribute("data-mode", "offline");
		await expect(page.getByTestId("search-note")).toHaveText(
			"Offline: searching names, emails and latest messages only",
		);
		await expect(rows).toHaveCount(0);
		await context.setOffline(false);
		await expect(page.getByTestId("connection")).not.toHaveAttribute("data-mode", "offline");
		await expect(rows).toHaveCount(1);
		await visitorContext.close();
	});
});
