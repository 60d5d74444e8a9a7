import type { Page } from "@playwright/test";
import type { HostPageName, HostServer } from "./host-page.ts";

/**
 * Holds back the scripts a host page loads lazily (the widget's client and pages) until
 * `release()`, so a test sees what the visitor sees before they arrive on a slow network.
 * Call before opening the page.
 */
export async function holdLazyScripts(
	page: Page,
	host: HostServer,
	name: HostPageName,
): Promise<{ requested(): string[]; release(): void }> {
	const lazy = new Set(host.lazyScripts(name));
	if (lazy.size === 0) throw new Error(`${name} has no lazily loaded script`);
	const requested: string[] = [];
	let release!: () => void;
	const released = new Promise<void>((resolve) => {
		release = resolve;
	});
	await page.route(`${host.origin}/*.js`, async (route) => {
		const path = new URL(route.request().url()).pathname;
		if (lazy.has(path)) {
			requested.push(path);
			await released;
		}
		await route.continue();
	});
	return { requested: () => [...requested], release };
}
