import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

/** Where the test page pretends to live (an allowed origin for pk_test keys). */
export const PAGE_ORIGIN = "http://localhost:4173";

let bundle: Promise<string> | null = null;

/** Bundles the in-browser harness (the real client, from source) once per test process. */
function harnessBundle(): Promise<string> {
	bundle ??= (async () => {
		const outdir = mkdtempSync(join(tmpdir(), "cossistant-harness-"));
		await build({
			entryPoints: [resolve(import.meta.dirname, "harness-app.ts")],
			bundle: true,
			format: "esm",
			platform: "browser",
			target: "es2022",
			conditions: ["@cossistant/source"],
			outfile: join(outdir, "harness.js"),
			logLevel: "silent",
		});
		return readFileSync(join(outdir, "harness.js"), "utf8");
	})();
	return bundle;
}

/** Launches Chromium (Debian's by default; CHROMIUM_PATH overrides). */
export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
		args: [
			"--no-sandbox",
			"--disable-gpu",
			"--disable-background-networking",
			"--disable-component-update",
			"--disable-sync",
			"--disable-dev-shm-usage",
			// Test pages are served by route interception (no real address): without this, Chromium's
			// local-network-access checks treat their calls to the loopback server as public → local.
			"--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessChecks,BlockInsecurePrivateNetworkRequests",
		],
	});
}

/**
 * A browser context whose page origin is served by the test itself (route interception), so
 * pages load and reload even while the context is offline, like an app shell from a cache.
 */
export async function harnessContext(browser: Browser): Promise<BrowserContext> {
	const script = await harnessBundle();
	const context = await browser.newContext();
	await context.route(`${PAGE_ORIGIN}/**`, (route) => {
		const path = new URL(route.request().url()).pathname;
		if (path === "/harness.js") {
			return route.fulfill({ status: 200, contentType: "text/javascript", body: script });
		}
		return route.fulfill({
			status: 200,
			contentType: "text/html",
			body: '<!doctype html><html><head><meta charset="utf-8"><title>harness</title><script type="module" src="/harness.js"></script></head><body></body></html>',
		});
	});
	return context;
}

/** Opens the harness page and waits until `window.harness` exists. */
export async function openHarness(context: BrowserContext): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`${PAGE_ORIGIN}/`);
	await page.waitForFunction(() => "harness" in window);
	return page;
}
