import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { type E2eServer, startE2eServer } from "../support/sync-server.ts";
import { type AgentDesk, openAgentDesk } from "../widget/support/agent-desk.ts";
import type { AppServer } from "./support/consumer.ts";
import { createNextConsumer, type NextConsumer, type NextStyling } from "./support/next-app.ts";
import { expectStyledTrigger, messageRoundTrip, openConsumerPage } from "./support/round-trip.ts";

// The docs' Next.js Quickstart as a user writes it: a fresh App Router app outside the
// repository, the SDK installed from the tarballs `npm pack` makes, no `transpilePackages`,
// Next's default tsconfig; `next build` and `next start` against a real sync-server, once per
// styling of the Quickstart's step 4 (one install, two builds).

test.describe.configure({ mode: "serial" });

let backend: E2eServer;
let desk: AgentDesk;
let app: NextConsumer;
let server: AppServer | undefined;

test.beforeAll(async () => {
	// Build, pack and an npm install of Next.js from the cache: a minute or more when loaded.
	test.setTimeout(600_000);
	backend = await startE2eServer();
	desk = await openAgentDesk(backend);
	app = await createNextConsumer();
});

test.afterEach(async () => {
	await server?.stop();
	server = undefined;
});

test.afterAll(async () => {
	desk?.close();
	await backend?.stop();
	// The app, its node_modules and the tarballs: hundreds of megabytes for Next.js.
	if (app) rmSync(app.dir, { recursive: true, force: true });
});

async function buildAndStart(styling: NextStyling): Promise<AppServer> {
	await app.build(styling, { publicKey: backend.demo.publicKey, apiUrl: backend.demo.apiUrl });
	server = await app.start();
	return server;
}

test("plain CSS (@cossistant/next/styles.css): a message to an agent and the answer", async ({
	browser,
}) => {
	// A cold `next build` takes minutes on a loaded two-core machine.
	test.setTimeout(600_000);
	const { url } = await buildAndStart("plain-css");
	const { page, problems, close } = await openConsumerPage(browser, url);
	await expectStyledTrigger(page);
	await messageRoundTrip(page, desk, "Hello from a Next.js app built from the tarballs");
	expect(problems).toEqual([]);
	await close();
});

test("Tailwind v4 (@import support.css after tailwindcss): the styled widget, a message and the answer", async ({
	browser,
}) => {
	test.setTimeout(600_000);
	const { url } = await buildAndStart("tailwind-v4");
	const { page, problems, close } = await openConsumerPage(browser, url);
	// Tailwind's preflight ran (headings inherit the body's size instead of the browser's 2em)…
	const heading = page.getByRole("heading", { name: "You are ready to chat" });
	await expect(heading).toHaveCSS("font-size", "16px");
	// …and the widget's styles, in their cascade layer, still win over it on the trigger.
	await expectStyledTrigger(page);
	await messageRoundTrip(page, desk, "Hello from a Tailwind v4 Next.js app");
	expect(problems).toEqual([]);
	await close();
});
