// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { AgentAvatar } from "../src/support/parts/agent-avatar.tsx";
import { block, compact, luminance } from "./support/stylesheet.ts";

/** Accent defaults of the Theme page: one value for light and dark. */
const ACCENTS = {
	pink: [76.3, 0.152, 354],
	yellow: [86.4, 0.144, 99],
	blue: [72.5, 0.132, 241],
	orange: [74.5, 0.166, 50],
} as const;

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
