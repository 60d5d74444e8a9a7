import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";

/** The shipped stylesheet (`@cossistant/react/styles.css`) as written. */
export const css = readFileSync(join(import.meta.dirname, "../../src/styles/styles.css"), "utf8");

/** Whitespace runs as one space, so declarations compare on one line. */
export const compact = (text: string) => text.replace(/\s+/g, " ");

/** The declarations of the first rule whose selector list is exactly `selector` (must exist). */
export function block(selector: string): string {
	const start = css.indexOf(`${selector} {`);
	expect(start, `rule ${selector}`).toBeGreaterThanOrEqual(0);
	return css.slice(start, css.indexOf("\n}", start));
}

/** WCAG relative luminance of an OKLCH colour (L in %), via OKLab → linear sRGB. */
export function luminance([l, c, h]: readonly [number, number, number]): number {
	const a = c * Math.cos((h * Math.PI) / 180);
	const b = c * Math.sin((h * Math.PI) / 180);
	const L = l / 100;
	const l_ = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
	const m_ = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
	const s_ = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
	const clamp = (v: number) => Math.min(1, Math.max(0, v));
	const r = clamp(4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_);
	const g = clamp(-1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_);
	const bl = clamp(-0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_);
	return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
}

/** WCAG contrast ratio of two relative luminances. */
export function contrast(first: number, second: number): number {
	return (Math.max(first, second) + 0.05) / (Math.min(first, second) + 0.05);
}
