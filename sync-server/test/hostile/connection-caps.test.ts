// Holding connections open costs the server memory whatever the rate they were opened at: open
// sockets are capped per client IP (429 at the upgrade), per visitor and per agent session (4429
// once the socket proves who holds it), and slow or idle HTTP clients are cut by Node's header and
// request (body) timeouts. Real servers, real sockets.

import { connect, type Socket } from "node:net";
import { CloseCodes, DocumentNames } from "@cossistant/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { loadConfig } from "../../src/config.ts";
import type { SyncServer } from "../../src/server.ts";
import { eventually } from "../support/eventually.ts";
import { authFrame } from "../support/raw-socket.ts";
import { type TestDatabase, testDatabaseTargets } from "../support/test-database.ts";
import { bootstrapVisitor, loginAgent, startTestServer } from "../support/test-server.ts";

/** Opens `/ws` from `localAddress`: the open socket, or the status and body of the refusal. */
function openFrom(
	server: SyncServer,
	localAddress: string,
): Promise<{ ws: WebSocket } | { status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(server.wsUrl, { localAddress, origin: ORIGIN });
		ws.once("open", () => resolve({ ws }));
		ws.once("unexpected-response", (_req, res) => {
			let body = "";
			res.setEncoding("utf8");
			res.on("data", (chunk: string) => {
				body += chunk;
			});
			res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
		});
		ws.once("error", reject);
	});
}

/** A browser-like page origin test keys accept. */
const ORIGIN = "http://localhost:5173";

/** A bare socket from `localAddress` that sent the authentication of `documentName`. */
class HeldSocket {
	readonly ws: WebSocket;
	readonly received: unknown[] = [];
	readonly closed: Promise<{ code: number; reason: string }>;

	constructor(server: SyncServer, localAddress: string, publicKey?: string) {
		const url = publicKey
			? `${server.wsUrl}?publicKey=${encodeURIComponent(publicKey)}`
			: server.wsUrl;
		this.ws = new WebSocket(url, { localAddress, origin: ORIGIN });
		this.ws.on("error", () => {});
		this.ws.on("message", (data) => this.received.push(data));
		this.closed = new Promise((resolve) => {
			this.ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() }));
		});
	}

	static async authenticated(
		server: SyncServer,
		localAddress: string,
		documentName: string,
		token: string,
		publicKey?: string,
	): Promise<HeldSocket> {
		const socket = new HeldSocket(server, localAddress, publicKey);
		await new Promise<void>((resolve, reject) => {
			socket.ws.once("open", () => resolve());
			socket.ws.once("close", (code) => reject(new Error(`closed before it opened (${code})`)));
		});
		socket.ws.send(authFrame(documentName, token));
		return socket;
	}

	close(): void {
		this.ws.terminate();
	}
}

/** Resolves when `socket` ends (the server cut it), with what the server sent before. */
function ended(socket: Socket): Promise<string> {
	return new Promise((resolve) => {
		let received = "";
		socket.setEncoding("utf8");
		socket.on("data", (chunk: string) => {
			received += chunk;
		});
		socket.on("error", () => {});
		socket.on("close", () => resolve(received));
	});
}

describe("connection caps: configuration", () => {
	it("has defaults for a whole office behind one address; 0 turns a cap off", () => {
		const defaults = loadConfig({});
		expect(defaults.socketCaps).toEqual({ perIp: 500, perVisitor: 20, perSession: 50 });
		expect(defaults.httpTimeouts).toEqual({
			headersMs: 20_000,
			requestMs: 120_000,
			keepAliveMs: 5_000,
		});
		expect(loadConfig({ WS_CONNECTIONS_PER_IP: "0" }).socketCaps.perIp).toBe(0);
		expect(() =>
			loadConfig({ HTTP_HEADERS_TIMEOUT_MS: "5000", HTTP_REQUEST_TIMEOUT_MS: "1000" }),
		).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
	});
});

describe.each(testDatabaseTargets())("connection caps on $name", (target) => {
	let database: TestDatabase;
	let server: SyncServer;
	const open: Array<{ close(): void }> = [];
	beforeAll(async () => {
		database = await target.create();
		server = await startTestServer(database.db, {
			WS_UPGRADE_RATE_LIMIT: "0",
			WS_CONNECTIONS_PER_IP: "3",
			WS_CONNECTIONS_PER_VISITOR: "2",
			WS_CONNECTIONS_PER_SESSION: "2",
			HTTP_HEADERS_TIMEOUT_MS: "500",
			HTTP_REQUEST_TIMEOUT_MS: "1000",
		});
	});
	afterAll(async () => {
		for (const socket of open) socket.close();
		await server.stop();
		await database.drop();
	});

	it("refuses the upgrade past the open sockets of one address with 429, until one closes", async () => {
		const held: WebSocket[] = [];
		for (let i = 0; i < 3; i++) {
			const opened = await openFrom(server, "127.0.0.9");
			if (!("ws" in opened)) throw new Error(`refused: ${opened.status} ${opened.body}`);
			held.push(opened.ws);
			open.push(opened.ws);
		}
		const refused = await openFrom(server, "127.0.0.9");
		expect(refused).toMatchObject({ status: 429 });
		if ("ws" in refused) throw new Error("not refused");
		expect(JSON.parse(refused.body).error.code).toBe("too_many_connections");

		// Another address is not affected …
		const other = await openFrom(server, "127.0.0.10");
		expect("ws" in other).toBe(true);
		if ("ws" in other) open.push(other.ws);
		// … and a closed socket gives its slot back.
		held[0]?.terminate();
		await eventually(async () => {
			const again = await openFrom(server, "127.0.0.9");
			if (!("ws" in again)) throw new Error(`still refused: ${again.status}`);
			open.push(again.ws);
		});
	});

	it("closes a visitor's socket past its cap with 4429 too_many_connections", async () => {
		const publicKey = server.demo?.publicKey ?? "";
		const boot = await bootstrapVisitor(server, publicKey, { origin: ORIGIN });
		const outbox = DocumentNames.outbox(`visitor:${boot.visitor.id}`);
		const sockets: HeldSocket[] = [];
		for (let i = 0; i < 2; i++) {
			const socket = await HeldSocket.authenticated(
				server,
				"127.0.0.11",
				outbox,
				boot.visitorToken,
				publicKey,
			);
			sockets.push(socket);
			open.push(socket);
			await eventually(() => expect(socket.received.length).toBeGreaterThan(0));
		}
		const third = await HeldSocket.authenticated(
			server,
			"127.0.0.11",
			outbox,
			boot.visitorToken,
			publicKey,
		);
		open.push(third);
		expect(await third.closed).toEqual({
			code: CloseCodes.TooManyConnections,
			reason: "too_many_connections",
		});
		for (const socket of sockets) expect(socket.ws.readyState).toBe(WebSocket.OPEN);

		// Once one of them closes, the visitor may open another.
		sockets[0]?.close();
		await eventually(async () => {
			const next = await HeldSocket.authenticated(
				server,
				"127.0.0.11",
				outbox,
				boot.visitorToken,
				publicKey,
			);
			open.push(next);
			await eventually(() => expect(next.received.length).toBeGreaterThan(0), {
				timeoutMs: 2_000,
			});
			expect(next.ws.readyState).toBe(WebSocket.OPEN);
		});
	});

	it("closes an agent session's socket past its cap with 4429", async () => {
		const session = await loginAgent(server);
		const inbox = DocumentNames.inbox(server.demo?.websiteId ?? "");
		for (let i = 0; i < 2; i++) {
			const socket = await HeldSocket.authenticated(server, "127.0.0.12", inbox, session.token);
			open.push(socket);
			await eventually(() => expect(socket.received.length).toBeGreaterThan(0));
		}
		const third = await HeldSocket.authenticated(server, "127.0.0.12", inbox, session.token);
		open.push(third);
		expect((await third.closed).code).toBe(CloseCodes.TooManyConnections);
	});

	it("cuts a client that sends its headers too slowly (HTTP_HEADERS_TIMEOUT_MS)", async () => {
		const url = new URL(server.url);
		const socket = connect(Number(url.port), url.hostname);
		open.push({ close: () => socket.destroy() });
		const started = Date.now();
		const received = ended(socket);
		socket.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n");
		// One header line every 200 ms would keep it alive for ever without the timeout.
		const drip = setInterval(() => socket.write("X-Slow: 1\r\n"), 200);
		const answer = await received;
		clearInterval(drip);
		expect(answer).toMatch(/^HTTP\/1\.1 408/);
		expect(Date.now() - started).toBeLessThan(5_000);
	});

	it("cuts a client that trickles its body (HTTP_REQUEST_TIMEOUT_MS)", async () => {
		const url = new URL(server.url);
		const socket = connect(Number(url.port), url.hostname);
		open.push({ close: () => socket.destroy() });
		const started = Date.now();
		const received = ended(socket);
		socket.write(
			"POST /v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
				"Content-Length: 1000\r\n\r\n{",
		);
		const drip = setInterval(() => socket.write(" "), 100);
		const answer = await received;
		clearInterval(drip);
		expect(answer).toMatch(/^HTTP\/1\.1 408/);
		expect(Date.now() - started).toBeLessThan(6_000);
		// Everyone else is still served.
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});
});
