import type { Server as HttpServer, IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { CloseCodes } from "@cossistant/types";
import type { Hocuspocus } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import { type WebSocket, WebSocketServer } from "ws";
import * as Y from "yjs";
import type { Authenticator } from "../auth/authenticator.ts";
import { ApiError } from "../errors/api-error.ts";
import type { Logger } from "../logger.ts";
import type { AwarenessGate } from "./awareness-limits.ts";
import type { ConnectionContext } from "./connection-context.ts";
import { type SocketCaps, TOO_MANY_CONNECTIONS } from "./socket-caps.ts";
import { refuseUpgrade, type UpgradeLimiter } from "./upgrade-limit.ts";

/** Hocuspocus message types (MessageType in @hocuspocus/server); anything else is garbage. */
const MAX_MESSAGE_TYPE = 8;
/** Hocuspocus' connection-level Pong message type. */
const PONG = 10;

/** What guards the upgrades of {@link WebSocketGateway.attach}. */
export interface UpgradeGuards {
	/** The client's IP as REST counts it (same `trust proxy`): see clientIpOf. */
	clientIp: (request: IncomingMessage) => string;
	/** The per-IP upgrade rate (absent when WS_UPGRADE_RATE_LIMIT is 0). */
	limiter?: UpgradeLimiter;
	/** Caps on sockets open at once (per IP at the upgrade, per holder once authenticated). */
	caps?: SocketCaps;
}

/**
 * Accepts WebSocket upgrades at `path` on the shared HTTP server and hands sockets to
 * Hocuspocus. It checks the public key and origin of widget sockets, rejects malformed frames
 * with a close code instead of letting them reach the protocol, and caps frame size.
 */
export class WebSocketGateway {
	private readonly wss: WebSocketServer;
	private readonly sockets = new WeakMap<Request, WebSocket>();
	private readonly open = new Set<WebSocket>();
	/** What each open socket proved at the upgrade (for closing sockets by who holds them). */
	private readonly upgrades = new Map<
		WebSocket,
		{ request: Request; context: ConnectionContext }
	>();

	private guards: UpgradeGuards | null = null;

	constructor(
		private readonly options: {
			hocuspocus: Hocuspocus<ConnectionContext>;
			auth: Authenticator;
			logger: Logger;
			path: string;
			maxPayload: number;
			/** Bounds awareness frames before the protocol decodes them. */
			awareness: AwarenessGate;
		},
	) {
		this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload });
	}

	/**
	 * Serves upgrades of `server`. The per-IP rate limit admits each first, then the per-IP cap
	 * on open sockets (429 `too_many_connections` past it); the slot is given back when the
	 * underlying socket closes, whether or not the handshake completed.
	 */
	attach(server: HttpServer, guards: UpgradeGuards): void {
		this.guards = guards;
		server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
			const url = new URL(request.url ?? "/", "http://localhost");
			if (url.pathname !== this.options.path) {
				socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
				return;
			}
			if (guards.limiter && !guards.limiter.admit(request, socket)) return;
			const ip = guards.clientIp(request);
			const caps = guards.caps;
			if (caps) {
				if (!caps.admitIp(ip)) {
					refuseUpgrade(socket, {
						code: TOO_MANY_CONNECTIONS,
						message: "Too many open connections from this address; close some first.",
					});
					return;
				}
				socket.once("close", () => caps.releaseIp(ip));
			}
			this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, request, url, ip));
		});
	}

	/** Closes the socket that carried `request` (used when its token turns out invalid). */
	closeSocket(request: Request, code: number, reason: string): void {
		this.sockets.get(request)?.close(code, reason);
	}

	/**
	 * Closes every open socket `match` selects (e.g. those of a revoked key or a logged-out
	 * session) with `code` and the stable `reason`; returns how many were closed.
	 */
	closeWhere(
		match: (request: Request, context: ConnectionContext) => boolean,
		code: number,
		reason: string,
	): number {
		let closed = 0;
		for (const [ws, { request, context }] of this.upgrades) {
			if (ws.readyState !== ws.OPEN || !match(request, context)) continue;
			ws.close(code, reason);
			closed += 1;
		}
		return closed;
	}

	/** The upgrade facts of every open socket (for periodic re-checks of their credentials). */
	openSockets(): Array<{ request: Request; context: ConnectionContext }> {
		return [...this.upgrades.values()];
	}

	/** Closes every socket (shutdown); clients reconnect to another process or later. */
	closeAll(code = 1001, reason = "server_shutdown"): void {
		for (const ws of this.open) ws.close(code, reason);
	}

	get connectionCount(): number {
		return this.open.size;
	}

	private accept(ws: WebSocket, incoming: IncomingMessage, url: URL, clientIp: string): void {
		this.open.add(ws);
		const headers = new Headers();
		for (const [name, value] of Object.entries(incoming.headers)) {
			if (typeof value === "string") headers.set(name, value);
		}
		const request = new Request(`http://localhost${url.pathname}${url.search}`, { headers });
		this.sockets.set(request, ws);
		const context: ConnectionContext = { clientIp };
		this.upgrades.set(ws, { request, context });

		let connection: ReturnType<Hocuspocus["handleConnection"]> | null = null;
		const early: Uint8Array[] = [];
		const awarenessBudget = this.options.awareness.budget();
		ws.on("message", (data, isBinary) => {
			// Once this socket is being closed (garbage frame, bad token, shutdown) nothing more it
			// sent may reach the protocol: ws still emits frames already in flight while CLOSING, so a
			// command sent right behind a garbage frame would otherwise still be applied.
			if (ws.readyState !== ws.OPEN) return;
			const bytes = toBytes(data);
			// Providers ≥ 4.8 answer a connection-level Ping with a bare Pong byte (no document
			// name). This server never pings, but a Pong is harmless: drop it before the protocol.
			if (isBinary && bytes.length === 1 && bytes[0] === PONG) return;
			const frame = isBinary ? inspectFrame(bytes) : null;
			if (!frame) {
				ws.close(CloseCodes.BadRequest, "bad_request");
				return;
			}
			if (frame.type === AWARENESS || frame.type === QUERY_AWARENESS) {
				const verdict =
					frame.type === AWARENESS
						? this.options.awareness.judgeUpdate(frame.payload, awarenessBudget)
						: this.options.awareness.judgeQuery(awarenessBudget);
				if (verdict === "drop") return;
				if (verdict !== "pass") {
					ws.close(verdict.code, verdict.reason);
					return;
				}
			}
			if (connection) connection.handleMessage(bytes);
			else early.push(bytes);
		});
		ws.on("close", (code, reason) => {
			this.open.delete(ws);
			this.upgrades.delete(ws);
			this.guards?.caps?.releaseHolder(request);
			connection?.handleClose({ code, reason: reason.toString() });
		});
		ws.on("error", (error) => this.options.logger.debug({ err: error }, "websocket error"));

		const publicKey = url.searchParams.get("publicKey") ?? undefined;
		const origin = incoming.headers.origin;
		const ready = publicKey
			? this.options.auth.checkPublicKey(publicKey, origin).then((checked) => {
					context.publicKey = checked;
				})
			: Promise.resolve();
		ready.then(
			() => {
				if (ws.readyState !== ws.OPEN) return;
				connection = this.options.hocuspocus.handleConnection(ws as never, request, context);
				for (const bytes of early.splice(0)) connection.handleMessage(bytes);
			},
			(error: unknown) => {
				if (!(error instanceof ApiError)) {
					// The key could not be checked (database unreachable): not the key's fault, so not
					// 4401 (which a widget answers by replacing its visitor); reconnect later.
					this.options.logger.warn({ err: error }, "public key check failed; try again later");
					ws.close(CloseCodes.TryAgainLater, "unavailable");
					return;
				}
				const closeCode =
					error.code === "origin_not_allowed" ? CloseCodes.Forbidden : CloseCodes.Unauthorized;
				ws.close(closeCode, error.code);
			},
		);
	}
}

function toBytes(data: WebSocket.RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Hocuspocus message types a client sends (SyncReply, BroadcastStateless, SyncStatus are the server's). */
const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;
const STATELESS = 5;
const CLOSE = 7;
const CLIENT_TYPES: ReadonlySet<number> = new Set([
	SYNC,
	AWARENESS,
	AUTH,
	QUERY_AWARENESS,
	STATELESS,
	CLOSE,
]);
/** AuthMessageType.Token: the only auth message a client sends. */
const AUTH_TOKEN = 0;

/** A frame's message type and, for awareness frames, their still undecoded states. */
type InspectedFrame = { type: number; payload: Uint8Array };

/**
 * A Hocuspocus frame starts with a document name (varString) and a message type a client may
 * send. The payloads the protocol decodes outside any hook must decode too: an Auth frame's
 * token, a Sync frame's state vector or Yjs update, a Stateless frame's string (an Awareness
 * frame's states are checked by the AwarenessGate, within its limits). Otherwise Hocuspocus or
 * y-protocols would only log the error with console.error (a hostile client could flood the
 * logs) and reset the connection; found by the fuzz test. Decoding an update is O(its size),
 * which maxPayload bounds, and cheaper than applying it. Returns null for a malformed frame.
 */
function inspectFrame(bytes: Uint8Array): InspectedFrame | null {
	try {
		const decoder = decoding.createDecoder(bytes);
		const name = decoding.readVarString(decoder);
		const type = decoding.readVarUint(decoder);
		if (name.length === 0 || name.length > 256 || type > MAX_MESSAGE_TYPE) return null;
		if (!CLIENT_TYPES.has(type)) return null;
		let payload: Uint8Array = EMPTY;
		if (type === AUTH) {
			if (decoding.readVarUint(decoder) !== AUTH_TOKEN) return null;
			decoding.readVarString(decoder);
			if (decoding.hasContent(decoder)) decoding.readVarString(decoder);
		} else if (type === SYNC) {
			const step = decoding.readVarUint(decoder);
			const update = decoding.readVarUint8Array(decoder);
			if (step === 0) Y.decodeStateVector(update);
			else if (step === 1 || step === 2) Y.decodeUpdate(update);
			else return null;
		} else if (type === AWARENESS) {
			payload = decoding.readVarUint8Array(decoder);
		} else if (type === STATELESS) {
			decoding.readVarString(decoder);
		}
		return { type, payload };
	} catch {
		return null;
	}
}

const EMPTY = new Uint8Array(0);
