import { test } from "../support/widget-test.ts";

test("debug", async ({ openHost }) => {
	const page = await openHost("quickstart");
	await page.getByRole("button", { name: "Open support" }).click();
	const dialog = page.getByRole("dialog", { name: "Support" });
	await dialog.getByRole("button", { name: "Ask a question" }).waitFor();
	for (let i = 0; i < 10; i++) {
		const where = await page.evaluate(() => {
			const a = document.activeElement as HTMLElement;
			return `${a.tagName}.${a.className} "${a.textContent?.slice(0, 20)}" ${a.getAttribute("aria-label")} inDialog=${document.querySelector("[role=dialog]")?.contains(a)}`;
		});
		console.log(i, where);
		await page.keyboard.press("Tab");
	}
	console.log(await dialog.innerHTML());
});
