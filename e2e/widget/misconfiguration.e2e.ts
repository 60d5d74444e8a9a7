import { randomBytes } from "node:crypto";
import { createServer as createHttpServer, type Server } from "node:http";
import { connect, createServer as createTcpServer, type Socket } from "node:net";
import type { Page } from "@playwright/test";
import { freePort } from "../../sync-server/test/support/server-process.ts";
import type { E2eServer } from "../support/sync-server.ts";
import type { LoggedEvent } from "./host/events.tsx";
import type { AgentDesk } from "./support/agent-desk.ts";
import { expect, test } from "./support/widget-test.ts";

/** What the page shows and reports about its setup, gathered from the moment it opens. */
interface Watch {
	/** `console.error` lines of the widget (the browser's own network lines start otherwise). */
	consoleErrors: string[];
	/** `GET …/v1/websites` requests (bootstraps). */
	bootstraps: number;
	/** WebSocket connections opened. */
	sockets: number;
}

function watch(page: Page): Watch {
	const seen: Watch = { consoleErrors: [], bootstraps: 0, sockets: 0 };
	page.on("console", (message) => {
		if (message.type() === "error" && message.text().startsWith("Cossistant:"))
			seen.consoleErrors.push(message.text());
	});
	page.on("request", (request) => {
		if (new URL(request.url()).pathname === "/v1/websites" && request.method() === "GET")
			seen.bootstraps += 1;
	});
	page.on("websocket", () => {
		seen.sockets += 1;
	});
	return seen;
}

/** A public key of the demo website, created as an admin does in Settings → Developers. */
async function createPublicKey(
	backend: E2eServer,
	desk: AgentDesk,
	environment: "test" | "live",
): Promise<{ id: string; key: string }> {
	const response = await fetch(`${backend.demo.apiUrl}/websites/${desk.websiteId}/api-keys`, {
		method: "POST",
		headers: {
			"content-type": "application/json",
			authorization: `Bearer ${desk.agent.session.token}`,
		},
		body: JSON.stringify({ name: `misconfiguration ${environment}`, kind: "public", environment }),
	});
	expect(response.status).toBe(201);
	const created = (await response.json()) as { apiKey: { id: string }; key: string };
	return { id: created.apiKey.id, key: created.key };
}

async function revokeKey(backend: E2eServer, desk: AgentDesk, id: string): Promise<void> {
	const response = await fetch(`${backend.demo.apiUrl}/websites/${desk.websiteId}/api-keys/${id}`, {
		method: "DELETE",
		headers: { authorization: `Bearer ${desk.agent.session.token}` },
	});
	expect(response.status).toBe(200);
}

/**
 * The widget's window shows the configuration error, the console has it exactly once with the
 * same text, `onError` (provider and `<Support>`) and `useSupportEvents` get it with its code,
 * and nothing retries: no new bootstrap and no new socket while the retry delays would pass.
 */
async function expectConfigurationError(
	page: Page,
	seen: Watch,
	expected: { code: string; text: string },
): Promise<void> {
	const dialog = page.getByRole("dialog", { name: "Support" });
	if (!(await dialog.isVisible())) await page.getByRole("button", { name: "Open support" }).click();
	const alert = dialog.getByRole("alert");
	await expect(alert).toContainText(expected.text);
	await expect.poll(() => seen.consoleErrors.length).toBe(1);
	expect(seen.consoleErrors[0]).toContain(expected.text);
	expect(await alert.textContent()).toContain(seen.consoleErrors[0]);

	const errors = (await page.evaluate(() => window.supportEventLog))
		.filter((event) => event.type === "error" && event.context === "configuration_error")
		.map((event: LoggedEvent) => ({ source: event.source, code: event.errorCode }))
		.sort((a, b) => a.source.localeCompare(b.source));
	expect(errors).toEqual([
		{ source: "callback", code: expected.code },
		{ source: "useSupportEvents", code: expected.code },
	]);
	const providerErrors = await page.evaluate(() => window.supportProviderErrors);
	expect(providerErrors.filter((error) => error.context === "configuration_error")).toEqual([
		{ context: "configuration_error", code: expected.code, message: seen.consoleErrors[0] },
	]);

	const { bootstraps, sockets } = seen;
	// Longer than the first two retry delays (1 s, 2 s) and the socket's backoff (≤ 5 s).
	await page.waitForTimeout(5_500);
	expect(seen.bootstraps, "bootstraps after the error").toBe(bootstraps);
	expect(seen.sockets, "sockets after the error").toBe(sockets);
	expect(seen.consoleErrors).toHaveLength(1);
}

test("an unknown key says so in the window and the console once, and is not retried", async ({
	page,
	openHost,
}) => {
	const seen = watch(page);
	const unknown = `pk_test_${randomBytes(24).toString("base64url")}`;
	await openHost("events", { publicKey: unknown });
	await expectConfigurationError(page, seen, {
		code: "invalid_api_key",
		text: `the public key ${unknown.slice(0, 12)}… is unknown or revoked`,
	});
	expect(seen.sockets).toBe(0);
});

test("a key revoked while the widget is open stops it at once, and after a reload", async ({
	page,
	openHost,
	backend,
	desk,
}) => {
	const { id, key } = await createPublicKey(backend, desk, "test");
	const seen = watch(page);
	await openHost("events", { publicKey: key });
	await page.getByRole("button", { name: "Open support" }).click();
	const dialog = page.getByRole("dialog", { name: "Support" });
	await expect(dialog.getByRole("button", { name: "Ask a question" })).toBeVisible();
	await expect.poll(() => seen.sockets).toBe(1);

	// The server closes the widget's socket with 4401 invalid_api_key: no reconnecting forever.
	await revokeKey(backend, desk, id);
	await expectConfigurationError(page, seen, {
		code: "invalid_api_key",
		text: "is unknown or revoked",
	});

	await page.reload();
	await page.getByRole("heading", { name: "You are ready to chat" }).waitFor();
	seen.consoleErrors.length = 0;
	await expectConfigurationError(page, seen, {
		code: "invalid_api_key",
		text: "Copy an active public key from Settings → Developers → API keys",
	});
});

test("a live key on a page whose origin is not allowed names the domain to add", async ({
	page,
	openHost,
	backend,
	desk,
	host,
}) => {
	const { key } = await createPublicKey(backend, desk, "live");
	const seen = watch(page);
	await openHost("events", { publicKey: key });
	await expectConfigurationError(page, seen, {
		code: "origin_not_allowed",
		text: `Domain not allowed: ${host.origin} is not in this website's allowed domains. Add ${host.origin} to Allowed domains in Settings → Developers`,
	});
});

test("an apiUrl answering 404 HTML is reported as a wrong URL, not retried", async ({
	page,
	openHost,
}) => {
	// Any web server but the Cossistant API (CORS open, so the page can read its answer).
	const notTheApi: Server = createHttpServer((request, response) => {
		const cors = {
			"access-control-allow-origin": "*",
			"access-control-allow-headers": "*",
			"access-control-allow-methods": "GET, POST, OPTIONS",
		};
		if (request.method === "OPTIONS") {
			response.writeHead(204, cors).end();
			return;
		}
		response
			.writeHead(404, { ...cors, "content-type": "text/html" })
			.end("<!doctype html><title>404</title><h1>Page not found</h1>");
	});
	const port = await freePort();
	await new Promise<void>((ready) => notTheApi.listen(port, "127.0.0.1", ready));
	try {
		const seen = watch(page);
		const apiUrl = `http://127.0.0.1:${port}/v1`;
		await openHost("events", { apiUrl });
		await expectConfigurationError(page, seen, {
			code: "wrong_api_url",
			text: `${apiUrl} is not a Cossistant API (GET ${apiUrl}/websites answered 404 Not Found)`,
		});
	} finally {
		notTheApi.closeAllConnections();
		await new Promise((done) => notTheApi.close(done));
	}
});

test("a server that is down is retried quietly, and the widget recovers when it is back", async ({
	page,
	openHost,
	backend,
}) => {
	// The API behind a TCP relay on a port of its own: closed ("down"), then relaying ("up").
	const port = await freePort();
	const target = new URL(backend.url);
	const sockets = new Set<Socket>();
	const relay = createTcpServer((socket) => {
		const upstream = connect(Number(target.port), target.hostname);
		for (const end of [socket, upstream]) {
			sockets.add(end);
			end.on("error", () => {});
			end.on("close", () => {
				sockets.delete(end);
				socket.destroy();
				upstream.destroy();
			});
		}
		socket.pipe(upstream).pipe(socket);
	});
	try {
		const seen = watch(page);
		await openHost("events", { apiUrl: `http://127.0.0.1:${port}/v1` });
		await page.getByRole("button", { name: "Open support" }).click();
		const dialog = page.getByRole("dialog", { name: "Support" });
		await expect.poll(() => seen.bootstraps).toBeGreaterThanOrEqual(2);
		await expect(dialog.getByRole("alert")).toHaveCount(0);
		expect(seen.consoleErrors).toEqual([]);

		await new Promise<void>((ready) => relay.listen(port, "127.0.0.1", ready));
		await expect(dialog.getByRole("button", { name: "Ask a question" })).toBeVisible({
			timeout: 20_000,
		});
		await expect(dialog.getByRole("alert")).toHaveCount(0);
		expect(seen.consoleErrors).toEqual([]);
		const providerErrors = await page.evaluate(() => window.supportProviderErrors);
		expect(providerErrors.map((error) => error.context)).not.toContain("configuration_error");
	} finally {
		for (const socket of sockets) socket.destroy();
		await new Promise((done) => relay.close(done));
	}
});
