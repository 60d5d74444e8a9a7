import { axeViolations, expect, test, visitorWrites } from "./support/dashboard-test.ts";

test.use({ bypassCSP: true });

test.describe("conversation actions", () => {
	test("tags, join / leave, assign / unassign, block / unblock, resolve / reopen: each leaves its event item", async ({
		browser,
		page,
		host,
		signIn,
	}) => {
		await signIn(page);
		const visitorContext = await browser.newContext();
		const widget = await visitorWrites(await visitorContext.newPage(), host, "Please tag me");
		await page.locator(".inbox-row").filter({ hasText: "Please tag me" }).click();
		const pane = page.getByRole("region", { name: /^Conversation with/ });
		const event = (type: string) => pane.locator(`[data-event="${type}"]`);

		// Tags: a searchable list that adds what is typed.
		await pane.getByRole("button", { name: "Tags", exact: true }).click();
		await pane.getByLabel("Add a tag").fill("billing");
		await pane.getByRole("option", { name: "Add tag “billing”" }).click();
		await expect(event("tag_added")).toBeVisible();
		await expect(page.locator(".inbox-row").first().getByText("#billing")).toBeVisible();
		await pane.getByRole("button", { name: "Remove tag billing" }).click();
		await expect(event("tag_removed")).toBeVisible();

		// Rare actions live in the overflow menu.
		const more = pane.getByRole("button", { name: "More actions" });
		await more.click();
		await page.getByRole("menuitem", { name: "Join the conversation" }).click();
		await expect(event("participant_joined")).toBeVisible();
		await more.click();
		await page.getByRole("menuitem", { name: "Leave the conversation" }).click();
		await expect(event("participant_left")).toBeVisible();

		await pane.getByRole("button", { name: "Assign to me" }).click();
		await expect(event("assigned")).toBeVisible();
		await pane.getByRole("button", { name: "Unassign me" }).click();
		await expect(event("unassigned")).toBeVisible();

		await more.click();
		await page.getByRole("menuitem", { name: "Block visitor" }).click();
		// Blocking is confirmed first; cancelling blocks nothing.
		const confirm = page.getByRole("alertdialog", { name: /^Block / });
		await expect(confirm).toBeVisible();
		expect(await axeViolations(page), "axe with the block confirmation open").toEqual([]);
		await confirm.getByRole("button", { name: "Cancel" }).click();
		await expect(confirm).toBeHidden();
		await expect(event("visitor_blocked")).toHaveCount(0);
		await more.click();
		await page.getByRole("menuitem", { name: "Block visitor" }).click();
		await confirm.getByRole("button", { name: "Block visitor" }).click();
		await expect(event("visitor_blocked")).toBeVisible();
		await more.click();
		await expect(page.getByRole("menuitem", { name: "Unblock visitor" })).toBeVisible();
		await page.getByRole("menuitem", { name: "Unblock visitor" }).click();
		await expect(event("visitor_unblocked")).toBeVisible();

		await pane.getByRole("button", { name: "Resolve" }).click();
		await expect(event("resolved")).toBeVisible();
		await pane.getByRole("button", { name: "Reopen" }).click();
		await expect(event("reopened")).toBeVisible();
		await expect(pane.getByTestId("conversation-status")).toHaveText("Open");
		// The visitor's widget shows public events as they happen.
		await expect(widget.getByText(/reopened/i).first()).toBeVisible();
		await visitorContext.close();
	});

	test("phone width: one pane at a time, dark theme without axe violations", async ({
		browser,
		page,
		host,
		signIn,
	}) => {
		await page.setViewportSize({ width: 390, height: 780 });
		await signIn(page);
		const visitorContext = await browser.newContext();
		await visitorWrites(await visitorContext.newPage(), host, "Writing from my phone");
		await page.getByRole("button", { name: "Use dark theme" }).click();
		await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");

		const row = page.locator(".inbox-row").filter({ hasText: "Writing from my phone" });
		await row.click();
		const pane = page.getByRole("region", { name: /^Conversation with/ });
		await expect(pane.getByText("Writing from my phone")).toBeVisible();
		await expect(page.getByRole("region", { name: "Inbox" })).toBeHidden();
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width, "no horizontal scrolling at 390 px").toBeLessThanOrEqual(390);
		expect(await axeViolations(page), "axe on the conversation, dark, phone").toEqual([]);
		await pane.getByRole("button", { name: "Back to inbox" }).click();
		await expect(row).toBeVisible();
		// The theme is remembered.
		await page.reload();
		await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
		expect(await axeViolations(page), "axe on the inbox, dark, phone").toEqual([]);
		await visitorContext.close();
	});

	test("the web app manifest is installable: name, scope, start URL and icons", async ({
		page,
		dashboardUrl,
	}) => {
		await page.goto(dashboardUrl);
		const href = await page.locator('link[rel="manifest"]').getAttribute("href");
		expect(href).toBeTruthy();
		const manifest = await page.evaluate(async (url) => (await fetch(url ?? "")).json(), href);
		expect(manifest).toMatchObject({
			name: "Cossistant Dashboard",
			scope: "/dashboard/",
			start_url: "/dashboard/",
			display: "standalone",
		});
		const sizes = (manifest.icons as Array<{ sizes: string; src: string }>).map(
			(icon) => icon.sizes,
		);
		expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
		for (const icon of manifest.icons as Array<{ src: string }>) {
			const response = await page.request.get(new URL(icon.src, dashboardUrl).toString());
			expect(response.status(), icon.src).toBe(200);
			expect(response.headers()["content-type"]).toBe("image/png");
		}
	});
});
