// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { AgentAvatar } from "../src/support/parts/agent-avatar.tsx";

const css = readFileSync(join(import.meta.dirname, "../src/styles/styles.css"), "utf8");

/** The declarations of the first rule whose selector list is exactly `selector`. */
function block(selector: string): string {
	const start = css.indexOf(`${selector} {`);
	expect(start, `rule ${selector}`).toBeGreaterThanOrEqual(0);
	return css.slice(start, css.indexOf("\n}", start));
}

const compact = (text: string) => text.replace(/\s+/g, " ");

/** Accent defaults of the Theme page: one value for light and dark. */
const ACCENTS = {
	pink: [76.3, 0.152, 354],
	yellow: [86.4, 0.144, 99],
	blue: [72.5, 0.132, 241],
	orange: [74.5, 0.166, 50],
} as const;

/** WCAG relative luminance of an OKLCH colour (L in %), via OKLab → linear sRGB. */
function luminance([l, c, h]: readonly [number, number, number]): number {
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

afterEach(() => cleanup());

describe("theme variables of the shipped stylesheet", () => {
	it("defines the accent colours with the documented defaults, the same in light and dark", () => {
		const light = compact(block(".cossistant"));
		for (const [name, [l, c, h]] of Object.entries(ACCENTS)) {
			expect(light).toContain(`--co-${name}: var(--co-theme-${name}, oklch(${l}% ${c} ${h}));`);
		}
		const dark = compact(block('.cossistant[data-color-scheme="dark"]'));
		for (const name of Object.keys(ACCENTS)) expect(dark).not.toContain(`--co-${name}:`);
	});

	it("defines every documented background shade, 50 to 300, over color-mix defaults", () => {
		const light = compact(block(".cossistant"));
		for (const shade of [50, 100, 200, 300]) {
			expect(light).toMatch(
				new RegExp(`--co-background-${shade}: var\\( --co-theme-background-${shade}, color-mix\\(`),
			);
		}
	});

	it("keeps the fallback initials readable (WCAG AA) on every accent in both themes", () => {
		const ink = compact(block(".cossistant")).match(/--co-accent-ink: oklch\(([\d.]+)% 0 0\);/);
		expect(ink).not.toBeNull();
		const inkLuminance = luminance([Number(ink?.[1]), 0, 0]);
		for (const accent of Object.values(ACCENTS)) {
			const ratio = (luminance(accent) + 0.05) / (inkLuminance + 0.05);
			expect(ratio).toBeGreaterThanOrEqual(4.5);
		}
		expect(compact(block(".co-avatar"))).toContain("color: var(--co-accent-ink);");
	});

	it("paints an agent's avatar fallback with the accent picked from the agent's id", () => {
		render(
			<>
				<AgentAvatar id="usr_sarah" name="Sarah Connor" />
				<AgentAvatar id="usr_sarah" name="Sarah C." />
			</>,
		);
		const [first, second] = screen.getAllByTestId("co-agent-avatar");
		expect(first?.classList.contains("co-avatar")).toBe(true);
		expect(screen.getByRole("img", { name: "Sarah Connor" }).textContent).toBe("SC");
		const accent = first?.dataset.accent ?? "";
		expect(Object.keys(ACCENTS)).toContain(accent);
		// The id, not the displayed name, picks the colour.
		expect(second?.dataset.accent).toBe(accent);
		expect(compact(block(`.co-avatar[data-accent="${accent}"]`))).toContain(
			`background-color: var(--co-${accent});`,
		);
	});
});
