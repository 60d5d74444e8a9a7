import type { LaunchOptions } from "@playwright/test";

/**
 * Debian's Chromium rather than Playwright's own browser build (which needs a download);
 * `CHROMIUM_PATH` overrides the path.
 */
export function chromiumLaunchOptions(): LaunchOptions {
	return {
		executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
		args: [
			"--no-sandbox",
			"--disable-gpu",
			"--disable-background-networking",
			"--disable-component-update",
			"--disable-sync",
			"--disable-dev-shm-usage",
			// Pages served by route interception have no real address: without this, Chromium's
			// local-network-access checks treat their calls to the loopback server as public → local.
			"--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessChecks,BlockInsecurePrivateNetworkRequests",
		],
	};
}
