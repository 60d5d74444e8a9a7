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

/** Waits until fonts, images and layout have settled. */
export async function settled(page: Page): Promise<void> {
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
