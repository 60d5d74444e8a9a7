import { expect, test } from "@playwright/test";
import { type Backend, secretsOf, startBackend } from "./support/backend.ts";
import { contactIdOf, Devices, openWidget } from "./support/devices.ts";
import { type ExampleServer, startExample } from "./support/next-app.ts";
import { PageGuard } from "./support/page-guard.ts";

// The example under `next dev` (Turbopack, React Strict Mode, development React, which reports
// hydration mismatches in detail): the public page and the identified layout render and hydrate
// without a console error, and the Server Component's signed identify works.

let backend: Backend;
let app: ExampleServer;

test.beforeAll(async () => {
	test.setTimeout(600_000);
	backend = await startBackend();
	app = await startExample(backend.appEnv, "dev");
});

test.afterAll(async () => {
	await app?.stop();
	await backend?.server.stop();
});

test("next dev: the widget and the signed identify, without console errors", async ({
	browser,
}) => {
	// Each route compiles on its first request in development.
	test.setTimeout(300_000);
	const guard = new PageGuard(app.url, secretsOf(backend));
	const devices = new Devices(browser, app.url, guard);
	try {
		const home = await devices.open("/");
		const dialog = await openWidget(home);
		await expect(dialog.getByRole("button", { name: "Ask a question" })).toBeVisible({
			timeout: 60_000,
		});
		const dashboard = await devices.open("/dashboard", "user_dev");
		await expect(dashboard.getByTestId("user-name")).toHaveText("Demo user user_dev", {
			timeout: 120_000,
		});
		expect(await contactIdOf(dashboard)).not.toBe("");
	} finally {
		await devices.closeAll();
	}
	expect(await guard.settle()).toEqual([]);
});
