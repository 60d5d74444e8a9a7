import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./support/chromium.ts";

/**
 * End-to-end suites in Debian's Chromium against a real sync-server (child process) and a real
 * database: `widget/` (the React Quickstart host page), `dashboard/` (the agents' PWA) and
 * `next/` (the Next.js example built with `next build`) and `consumers/` (fresh Vite and Next.js
 * apps outside the repository, installed from the packed tarballs). Run: `npm run test:e2e`.
 */
export default defineConfig({
	testDir: ".",
	testMatch: "**/*.e2e.ts",
	// CI has two cores, and each suite runs its own server: one worker keeps timings sane.
	workers: 1,
	fullyParallel: false,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [["list"]],
	outputDir: "../.data/e2e-results",
	use: {
		browserName: "chromium",
		launchOptions: chromiumLaunchOptions(),
		trace: "retain-on-failure",
	},
	projects: [
		{ name: "widget", testDir: "./widget" },
		{ name: "dashboard", testDir: "./dashboard" },
		{ name: "next", testDir: "./next" },
		{ name: "consumers", testDir: "./consumers" },
		{
			// Screens compared with committed baselines (docs/testing.md, "Visual tests"). Fonts are
			// pinned through fontconfig so that a baseline renders the same on every machine.
			name: "visual",
			testDir: "./visual",
			snapshotPathTemplate: "{testDir}/baselines/{arg}{ext}",
			expect: {
				toHaveScreenshot: { maxDiffPixels: 100, animations: "disabled", caret: "hide" },
			},
			use: {
				deviceScaleFactor: 1,
				launchOptions: {
					...chromiumLaunchOptions(),
					env: {
						...process.env,
						FONTCONFIG_FILE: fileURLToPath(new URL("visual/fonts.conf", import.meta.url)),
					},
				},
			},
		},
	],
});
