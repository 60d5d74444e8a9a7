/**
 * Browser scenarios reuse client-core's Chromium fixture: the real client bundled from source
 * into a page served by route interception (so it reloads while offline, like an app shell from
 * a cache), driven through `window.harness`.
 */
import type { SyncServer } from "@cossistant/sync-server";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
	harnessContext,
	launchChromium,
	openHarness,
} from "../../../client-core/test/browser/browser-fixture.ts";
import type { HarnessApi } from "../../../client-core/test/browser/harness-app.ts";
import { demoPublicKey } from "./bench-server.ts";

export type { Browser, BrowserContext, Page };
export { harnessContext, launchChromium, openHarness };

declare const harness: HarnessApi;

/** Opens the harness page in `context` and bootstraps its client against `server`. */
export async function openClientPage(context: BrowserContext, server: SyncServer): Promise<Page> {
	const page = await openHarness(context);
	await page.evaluate((options) => harness.init(options).then(() => undefined), {
		apiUrl: server.apiUrl,
		publicKey: demoPublicKey(server),
	});
	return page;
}

/** Takes the page's context offline and waits until its client noticed. */
export async function goOffline(context: BrowserContext, page: Page): Promise<void> {
	await context.setOffline(true);
	await page.waitForFunction(() => harness.status() !== "connected");
}
