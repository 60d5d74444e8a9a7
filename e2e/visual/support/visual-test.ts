import type { Locator, Page } from "@playwright/test";

/** The two themes every screen is compared in. */
export const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/**
 * What changes from one run to the next and is not the screen's design: times ("2 min ago"),
 * API key values, generated ids, and avatars (their colour comes from a person's generated id).
 * Masked in every comparison.
 */
export function volatile(page: Page): Locator[] {
	return [
		page.locator("time"),
		page.locator("[data-volatile]"),
		page.locator('[data-slot="avatar"], [data-testid="co-agent-avatar"]'),
		// Key values and other generated strings are shown as code.
		page.locator("code"),
		// The contact panel's generated ids, local clock and "last seen".
		page.locator("dd").filter({ hasText: /there now|ago|just now|^[0-9a-f]{8}-[0-9a-f-]{27}$/ }),
	];
}

/**
 * Masks paint over an element's box, and a clock's text sets that box's width ("2:06 AM" is
 * narrower than "11:06 AM"). So that neither the mask nor the layout around it depends on when
 * the test runs, every moment on the page is rewritten to one fixed moment of the same form.
 */
async function steadyMoments(page: Page): Promise<void> {
	await page.evaluate(() => {
		const forms: Array<[RegExp, string]> = [
			[/\b[A-Z][a-z]{2} \d{1,2}, \d{4}\b/g, "Jan 1, 2026"],
			[/\b\d{1,2}:\d{2}(:\d{2})?\s?(AM|PM)\b/g, "9:41 AM"],
			[/\b\d{1,2}:\d{2}\b/g, "09:41"],
			[/^(now|\d+[mh])$/, "now"],
			[/\b(just now|\d+ (seconds?|minutes?|hours?) ago)\b/g, "just now"],
		];
		const holders = document.querySelectorAll("time, [data-volatile], dd");
		for (const holder of holders) {
			const walker = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				let text = node.nodeValue ?? "";
				for (const [pattern, steady] of forms) text = text.replace(pattern, steady);
				if (text !== node.nodeValue) node.nodeValue = text;
			}
		}
	});
}

/** Waits until fonts, images and layout have settled, with every moment at one fixed time. */
export async function settled(page: Page): Promise<void> {
	await steadyMoments(page);
	await page.evaluate(async () => {
		await document.fonts.ready;
		await Promise.all(
			[...document.images].map((image) =>
				image.complete ? null : new Promise((resolve) => image.addEventListener("load", resolve)),
			),
		);
		await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
	});
}
