import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { type E2eServer, startE2eServer } from "../support/sync-server.ts";
import { type AgentDesk, openAgentDesk } from "../widget/support/agent-desk.ts";
import type { AppServer } from "./support/consumer.ts";
import { expectStyledTrigger, messageRoundTrip, openConsumerPage } from "./support/round-trip.ts";
import { createViteConsumer, type ViteConsumer } from "./support/vite-app.ts";

// The docs' React Quickstart as a user writes it: a fresh Vite react-ts app outside the
// repository, the SDK installed from the tarballs `npm pack` makes, type-checked and built with
// the template's `tsc -b && vite build`, served by `vite preview` against a real sync-server.

let backend: E2eServer;
let desk: AgentDesk;
let app: ViteConsumer;
let preview: AppServer;

test.beforeAll(async () => {
	// Build, pack, an npm install from the cache and a production build: a minute or two when
	// the machine is loaded.
	test.setTimeout(600_000);
	backend = await startE2eServer();
	desk = await openAgentDesk(backend);
	app = await createViteConsumer();
	await app.build({ publicKey: backend.demo.publicKey, apiUrl: backend.demo.apiUrl });
	preview = await app.preview();
});

test.afterAll(async () => {
	await preview?.stop();
	desk?.close();
	await backend?.stop();
	// The app, its node_modules and the tarballs.
	if (app) rmSync(app.dir, { recursive: true, force: true });
});

test("the Vite Quickstart app built from the tarballs: a message to an agent and the answer", async ({
	browser,
}) => {
	const { page, problems, close } = await openConsumerPage(browser, preview.url);
	await expectStyledTrigger(page);
	await messageRoundTrip(page, desk, "Hello from a Vite app built from the tarballs");
	expect(problems).toEqual([]);
	await close();
});
