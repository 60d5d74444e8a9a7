import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import type { Browser, BrowserContext, Page } from "playwright-core";

/** Where the demo page pretends to live (an allowed origin for pk_test keys). */
export const DEMO_ORIGIN = "http://localhost:4174";

let bundle: Promise<{ js: string; css: string }> | null = null;

/** Bundles the demo host page (React, the widget from source and its CSS) once per process. */
function demoBundle(): Promise<{ js: string; css: string }> {
	bundle ??= (async () => {
		const outdir = mkdtempSync(join(tmpdir(), "cossistant-widget-demo-"));
		await build({
			entryPoints: [resolve(import.meta.dirname, "demo-app.tsx")],
			bundle: true,
			format: "esm",
			platform: "browser",
			target: "es2022",
			jsx: "automatic",
			conditions: ["@cossistant/source"],
			define: { "process.env.NODE_ENV": '"production"' },
			outdir,
			logLevel: "silent",
		});
		return {
			js: readFileSync(join(outdir, "demo-app.js"), "utf8"),
			css: readFileSync(join(outdir, "demo-app.css"), "utf8"),
		};
	})();
	return bundle;
}

/** A context serving the demo page by route interception (it reloads even while offline). */
export async function demoContext(browser: Browser): Promise<BrowserContext> {
	const { js, css } = await demoBundle();
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	await context.route(`${DEMO_ORIGIN}/**`, (route) => {
		const path = new URL(route.request().url()).pathname;
		if (path === "/demo.js")
			return route.fulfill({ status: 200, contentType: "text/javascript", body: js });
		if (path === "/demo.css")
			return route.fulfill({ status: 200, contentType: "text/css", body: css });
		return route.fulfill({
			status: 200,
			contentType: "text/html",
			body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Demo host</title><link rel="stylesheet" href="/demo.css"><script type="module" src="/demo.js"></script></head><body><main id="root"></main></body></html>',
		});
	});
	return context;
}

/** Opens the demo page for a server, with optional settings (locale, dark). */
export async function openDemo(
	context: BrowserContext,
	server: { apiUrl: string; publicKey: string },
	settings: Record<string, string> = {},
): Promise<Page> {
	const page = await context.newPage();
	const query = new URLSearchParams({
		apiUrl: server.apiUrl,
		publicKey: server.publicKey,
		...settings,
	});
	await page.goto(`${DEMO_ORIGIN}/?${query}`);
	await page.getByRole("heading", { name: "You are ready to chat" }).waitFor();
	return page;
}

/** Runs axe-core (all rules, colour contrast included) in the page. */
export async function axeInPage(page: Page, selector: string): Promise<string[]> {
	const source = readFileSync(
		createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
		"utf8",
	);
	await page.addScriptTag({ content: source });
	return page.evaluate(async (target) => {
		// biome-ignore lint/suspicious/noExplicitAny: axe is a page global injected above
		const results = await (window as any).axe.run(target, { resultTypes: ["violations"] });
		return results.violations.map(
			(violation: { id: string; nodes: Array<{ target: string[] }> }) =>
				`${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
		);
	}, selector);
}
