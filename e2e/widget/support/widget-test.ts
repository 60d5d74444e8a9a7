import { test as base, expect, type Page } from "@playwright/test";
import { type E2eServer, startE2eServer } from "../../support/sync-server.ts";
import { type AgentDesk, openAgentDesk } from "./agent-desk.ts";
import { type HostPageName, type HostServer, startHostServer } from "./host-page.ts";

interface WorkerFixtures {
	/** The real sync-server (child process, demo seed), one per worker. */
	backend: E2eServer;
	/** The bundled host pages on a localhost origin, for that server's demo key. */
	host: HostServer;
	/** The demo admin as an agent client. */
	desk: AgentDesk;
}

interface TestFixtures {
	/** Opens a host page in the test's fresh context (a new visitor) and waits for its heading. */
	openHost: (page: HostPageName, settings?: Record<string, string>) => Promise<Page>;
}

/**
 * Playwright's `test` with the widget suite's fixtures: each test gets a fresh browser context
 * (new IndexedDB, so a new visitor) against one server and host per worker.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
	backend: [
		// biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their deps by destructuring
		async ({}, use) => {
			const server = await startE2eServer();
			await use(server);
			await server.stop();
		},
		{ scope: "worker", timeout: 120_000 },
	],
	host: [
		async ({ backend }, use) => {
			const host = await startHostServer(backend.demo);
			await use(host);
			await host.close();
		},
		{ scope: "worker", timeout: 60_000 },
	],
	desk: [
		async ({ backend }, use) => {
			const desk = await openAgentDesk(backend);
			await use(desk);
			desk.close();
		},
		{ scope: "worker" },
	],
	openHost: async ({ page, host }, use) => {
		const dialogs: string[] = [];
		page.on("dialog", (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		const errors: string[] = [];
		page.on("pageerror", (error) => errors.push(error.message));
		await use(async (name, settings) => {
			await page.goto(host.url(name, settings));
			await page.getByRole("heading", { name: "You are ready to chat" }).waitFor();
			return page;
		});
		// No page may raise a dialog (an injected script would) or an uncaught error.
		expect(dialogs, "dialogs raised by the page").toEqual([]);
		expect(errors, "uncaught errors in the page").toEqual([]);
	},
});

export { expect };
