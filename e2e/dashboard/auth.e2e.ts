import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, ServerProcess } from "../../sync-server/test/support/server-process.ts";
import { axeViolations, expect, test } from "./support/dashboard-test.ts";

test.use({ bypassCSP: true });

test.describe("sign in, set up, sign out", () => {
	test("an empty install opens on the first-admin setup; logout forgets the device's cached data", async ({
		page,
		backend: _built,
	}) => {
		// `backend` (unused here) makes sure the dashboard is built; this test runs its own empty server.
		const dataDir = mkdtempSync(join(tmpdir(), "cossistant-e2e-setup-"));
		const server = new ServerProcess(await freePort(), {
			DATA_DIR: dataDir,
			SEED_DEMO: "false",
			AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789",
		});
		await server.start();
		try {
			await page.goto(`${server.url}/dashboard/`);
			await expect(page.getByRole("heading", { name: "Set up Cossistant" })).toBeVisible();
			await expect(page).toHaveURL(/\/dashboard\/setup$/);
			expect(await axeViolations(page), "axe on the setup page").toEqual([]);
			await page.getByLabel("Your name").fill("Ada Admin");
			await page.getByLabel("Email").fill("ada@example.com");
			await page.getByLabel(/^Password/).fill("correct horse battery");
			await page.getByLabel("Website name").fill("Ada's shop");
			await page.getByRole("button", { name: "Create admin and website" }).click();
			await expect(page.getByRole("heading", { name: /^Inbox/ })).toBeVisible();
			await expect(page.getByText("Ada Admin")).toBeVisible();
			await expect(page.getByTestId("connection")).toHaveAttribute("data-mode", "online");

			// The session survives a reload.
			await page.reload();
			await expect(page.getByRole("heading", { name: /^Inbox/ })).toBeVisible();
			const cached = () =>
				page.evaluate(async () =>
					(await indexedDB.databases())
						.map((database) => database.name ?? "")
						.filter((name) => name.startsWith("cossistant/")),
				);
			await expect.poll(cached).not.toEqual([]);

			await page.getByRole("button", { name: "Log out" }).click();
			await expect(page.getByRole("heading", { name: "Sign in to Cossistant" })).toBeVisible();
			await expect.poll(cached).toEqual([]);
			await page.reload();
			await expect(page.getByRole("heading", { name: "Sign in to Cossistant" })).toBeVisible();

			// Wrong password, then the right one.
			await page.getByLabel("Email").fill("ada@example.com");
			await page.getByLabel("Password").fill("not the password");
			await page.getByRole("button", { name: "Sign in" }).click();
			await expect(page.getByRole("alert")).toHaveText("Wrong email or password.");
			await page.getByLabel("Password").fill("correct horse battery");
			await page.getByRole("button", { name: "Sign in" }).click();
			await expect(page.getByRole("heading", { name: /^Inbox/ })).toBeVisible();
		} finally {
			await server.terminate();
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
});
