import { describe, expect, it } from "vitest";
import { block, compact, contrast, css, luminance } from "./support/stylesheet.ts";

/** The body of the first `@media` rule with this condition. */
function mediaBlock(condition: string): string {
	const start = css.indexOf(`@media ${condition} {`);
	expect(start, `@media ${condition}`).toBeGreaterThanOrEqual(0);
	let depth = 0;
	for (let index = css.indexOf("{", start); index < css.length; index++) {
		if (css[index] === "{") depth++;
		else if (css[index] === "}" && --depth === 0) return css.slice(start, index + 1);
	}
	throw new Error("unbalanced braces");
}

/** Light and dark defaults of the primary (the ring's default) and of the background. */
const DEFAULTS = {
	light: { ring: [20.5, 0, 0], background: [99, 0, 0] },
	dark: { ring: [98.5, 0, 0], background: [15.5, 0, 0] },
} as const;

describe("motion and focus in the shipped stylesheet", () => {
	it("animates only for visitors who have not asked their system for reduced motion", () => {
		const motion = mediaBlock("(prefers-reduced-motion: no-preference)");
		const outside = css.replace(motion, "");
		expect(outside).not.toMatch(/\banimation(-name)?\s*:/);
		expect(outside).not.toMatch(/\btransition\s*:/);
		// Opening, closing, new messages and the trigger's icon all move.
		for (const selector of [
			".co-content",
			'.co-content[data-state="closed"]',
			".co-message[data-new]",
			".co-trigger-icon",
		]) {
			expect(motion).toContain(selector);
		}
	});

	it("rings the composer's field in the ring colour instead of outlining the text area", () => {
		expect(compact(block(".cossistant"))).toContain(
			"--co-ring: var(--co-theme-ring, var(--co-primary));",
		);
		const ring = compact(block(".co-composer-box:focus-within"));
		expect(ring).toContain("border-color: var(--co-ring);");
		expect(ring).toMatch(/box-shadow: 0 0 0 \dpx color-mix\(in oklch, var\(--co-ring\)/);
		expect(compact(block(".cossistant .co-composer-input:focus-visible"))).toContain(
			"outline: none;",
		);
		expect(compact(block(".cossistant :focus-visible"))).toContain(
			"outline: 2px solid var(--co-ring);",
		);
	});

	it("keeps the default ring at least 3:1 against the window in both themes", () => {
		for (const { ring, background } of Object.values(DEFAULTS)) {
			expect(contrast(luminance(ring), luminance(background))).toBeGreaterThanOrEqual(3);
		}
		const dark = compact(block('.cossistant[data-color-scheme="dark"]'));
		expect(dark).toContain("--co-primary: var(--co-theme-primary, oklch(98.5% 0 0));");
		expect(dark).toContain("--co-background: var(--co-theme-background, oklch(15.5% 0 0));");
	});
});
