import { expect, test } from "../dashboard/support/dashboard-test.ts";
import { DESKTOP, settled, volatile } from "./support/visual-test.ts";

// The comparison itself is tested: a sign-in screen whose primary button changed colour, or whose
// heading moved by a few pixels, must not match its baseline. (Skipped while baselines are being
// rewritten with --update-snapshots, which would otherwise store the altered screen.)

test.use({ colorScheme: "light" });

const CHANGES = {
	"a button's colour": "button[type=submit] { background: #c2185b !important; }",
	"a heading moved by 6 px": "h1 { position: relative; top: 6px; }",
};

for (const [change, css] of Object.entries(CHANGES)) {
	test(`the sign-in screen with ${change} does not match its baseline`, async ({
		page,
		dashboardUrl,
	}) => {
		const rewriting = ["all", "changed"].includes(test.info().config.updateSnapshots);
		test.skip(rewriting, "baselines are being rewritten");
		await page.setViewportSize(DESKTOP);
		await page.goto(dashboardUrl);
		await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
		await settled(page);
		// Unchanged, it matches (so the failure below is the change's, not the page's).
		await expect(page).toHaveScreenshot("dashboard-sign-in-light.png", { mask: volatile(page) });
		await page.addStyleTag({ content: css });
		await settled(page);
		let outcome = "matched";
		try {
			await expect(page).toHaveScreenshot("dashboard-sign-in-light.png", {
				mask: volatile(page),
				timeout: 3_000,
			});
		} catch (error) {
			outcome = (error as Error).message;
		}
		expect(outcome).toMatch(/pixels? .*different|Screenshot comparison failed/i);
	});
}
