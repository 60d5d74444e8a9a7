import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import { type E2eServer, startE2eServer } from "../../support/sync-server.ts";
import { type HostServer, startHostServer } from "../../widget/support/host-page.ts";
import { writeFirstMessage } from "../../widget/support/widget-page.ts";

const ROOT = resolve(import.meta.dirname, "../../..");

/** Builds `dashboard/dist` when missing or stale (what `npm start` does before serving it). */
function ensureDashboardBuilt(): void {
	const result = spawnSync(process.execPath, ["scripts/build-dashboard.mjs"], {
		cwd: ROOT,
		stdio: "inherit",
	});
	if (result.status !== 0) throw new Error("the dashboard build failed");
}

interface WorkerFixtures {
	/**
	 * Tests that `use` different values run in different workers, so on different servers: for
	 * tests whose screens must not show what earlier tests wrote (the visual baselines).
	 */
	serverGroup: string;
	/** The real sync-server (child process, demo seed) serving the built dashboard. */
	backend: E2eServer;
	/** The widget's Quickstart host page on a localhost origin (the visitor's side). */
	host: HostServer;
}

interface TestFixtures {
	/** Opens the dashboard in `page` and signs the demo admin in; resolves on the inbox. */
	signIn: (page: Page) => Promise<void>;
	/** The dashboard's URL (`…/dashboard/`). */
	dashboardUrl: string;
}

/**
 * Playwright's `test` for the dashboard suite: one server per worker, a fresh browser context
 * (fresh IndexedDB, service worker and storage) per test.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
	serverGroup: ["shared", { scope: "worker", option: true }],
	backend: [
		// `serverGroup` is named so that Playwright keys the worker (and so this server) by it.
		async ({ serverGroup: _group }, use) => {
			ensureDashboardBuilt();
			const server = await startE2eServer();
			await use(server);
			await server.stop();
		},
		{ scope: "worker", timeout: 180_000 },
	],
	host: [
		async ({ backend }, use) => {
			const host = await startHostServer(backend.demo);
			await use(host);
			await host.close();
		},
		{ scope: "worker", timeout: 60_000 },
	],
	dashboardUrl: async ({ backend }, use) => {
		await use(`${backend.url}/dashboard/`);
	},
	signIn: async ({ backend, dashboardUrl }, use) => {
		await use(async (page) => {
			await page.goto(dashboardUrl);
			await page.getByLabel("Email").fill(backend.demo.agentEmail);
			await page.getByLabel("Password").fill(backend.demo.agentPassword ?? "");
			await page.getByRole("button", { name: "Sign in" }).click();
			await expect(page.getByRole("heading", { name: /^Inbox/ })).toBeVisible();
		});
	},
});

export { expect };

const AXE_SCRIPT = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Runs axe-core (every rule, colour contrast included) on the page; violations as strings. */
export async function axeViolations(page: Page): Promise<string[]> {
	if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_SCRIPT });
	return page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: {
					run(
						context: Document,
						options: object,
					): Promise<{
						violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>;
					}>;
				};
			}
		).axe;
		const results = await axe.run(document, { resultTypes: ["violations"] });
		return results.violations.map(
			(violation) =>
				`${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
		);
	});
}

/**
 * The visitor's side: opens the Quickstart host page (with its query `settings`, e.g. a person to
 * sign in), starts a conversation with `text`; resolves with the widget once it shows it.
 */
export async function visitorWrites(
	page: Page,
	host: HostServer,
	text: string,
	settings: Record<string, string> = {},
) {
	await page.goto(host.url("quickstart", settings));
	const widget = await writeFirstMessage(page, text);
	await expect(widget.getByText(text)).toBeVisible();
	return widget;
}
