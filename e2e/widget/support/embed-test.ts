import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { test as base, expect } from "@playwright/test";
import { type E2eServer, startE2eServer } from "../../support/sync-server.ts";
import { type AgentDesk, openAgentDesk } from "./agent-desk.ts";

const ROOT = resolve(import.meta.dirname, "../../..");

/** The embed's version: the server serves it at `/widget/<version>/`. */
export const EMBED_VERSION: string = JSON.parse(
	readFileSync(resolve(ROOT, "embed/package.json"), "utf8"),
).version;

/** Builds `embed/dist` when missing or stale (what `npm start` does before serving it). */
function ensureEmbedBuilt(): void {
	const result = spawnSync(process.execPath, ["scripts/build-embed.mjs"], {
		cwd: ROOT,
		stdio: "inherit",
	});
	if (result.status !== 0) throw new Error("the embed build failed");
}

/** A plain static site on its own localhost port: a page is HTML, nothing is built. */
export interface PlainSite {
	/** `http://localhost:<port>`: another origin than the API's `http://127.0.0.1:<port>`. */
	origin: string;
	/** Serves `html` at `path` (e.g. `/index.html`); returns its URL. */
	page(path: string, html: string): string;
}

interface WorkerFixtures {
	/** The real sync-server (child process, demo seed) serving the built embed. */
	backend: E2eServer;
	/** The demo admin as an agent client. */
	desk: AgentDesk;
	site: PlainSite;
}

/** The widget suite's `test` for the script-tag embed: the server serves `/widget/`. */
export const test = base.extend<object, WorkerFixtures>({
	backend: [
		// biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their deps by destructuring
		async ({}, use) => {
			ensureEmbedBuilt();
			const server = await startE2eServer();
			await use(server);
			await server.stop();
		},
		{ scope: "worker", timeout: 180_000 },
	],
	desk: [
		async ({ backend }, use) => {
			const desk = await openAgentDesk(backend);
			await use(desk);
			desk.close();
		},
		{ scope: "worker" },
	],
	site: [
		// biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their deps by destructuring
		async ({}, use) => {
			const pages = new Map<string, string>();
			const server: Server = createServer((request, response) => {
				const html = pages.get(new URL(request.url ?? "/", "http://localhost").pathname);
				response.writeHead(html === undefined ? 404 : 200, {
					"content-type": "text/html; charset=utf-8",
					"cache-control": "no-store",
				});
				response.end(html ?? "not found");
			});
			await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
			const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
			await use({
				origin,
				page(path, html) {
					pages.set(path, html);
					return `${origin}${path}`;
				},
			});
			await new Promise<void>((done) => {
				server.closeAllConnections();
				server.close(() => done());
			});
		},
		{ scope: "worker" },
	],
});

export { expect };
