import * as encoding from "lib0/encoding";
import { type RawData, WebSocket } from "ws";
import { LOCAL_ORIGIN } from "./local-origin.ts";

/** How the server closed a socket: the close code and the stable reason code. */
export interface CloseInfo {
	code: number;
	reason: string;
}

/**
 * A bare `ws` client for what the Hocuspocus provider hides: exact close codes and reasons,
 * and frames no provider would send (garbage, text frames, oversized frames).
 */
export class RawSocket {
	readonly ws: WebSocket;
	/** Every binary frame the server sent. */
	readonly received: Uint8Array[] = [];
	readonly opened: Promise<void>;
	readonly closed: Promise<CloseInfo>;

	/**
	 * With a public key the socket sends `options.origin`, LOCAL_ORIGIN by default (`null`: no
	 * Origin header, as a non-browser client).
	 */
	constructor(wsUrl: string, options: { publicKey?: string; origin?: string | null } = {}) {
		const url = options.publicKey
			? `${wsUrl}?publicKey=${encodeURIComponent(options.publicKey)}`
			: wsUrl;
		const origin =
			options.origin === undefined && options.publicKey ? LOCAL_ORIGIN : options.origin;
		this.ws = new WebSocket(url, origin ? { origin } : {});
		// A socket the server closes mid-frame may also report an error; the close event says why.
		this.ws.on("error", () => {});
		this.ws.on("message", (data: RawData) => this.received.push(toBytes(data)));
		this.opened = new Promise((resolve, reject) => {
			this.ws.once("open", () => resolve());
			this.ws.once("close", () => reject(new Error("closed before it opened")));
		});
		this.opened.catch(() => {});
		this.closed = new Promise((resolve) => {
			this.ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() }));
		});
	}

	/** Sends a Hocuspocus authentication frame for `documentName` (what a provider sends first). */
	authenticate(documentName: string, token: string): void {
		this.ws.send(authFrame(documentName, token));
	}

	/** Waits for the server to close the socket; fails after `timeoutMs`. */
	async waitForClose(timeoutMs = 10_000): Promise<CloseInfo> {
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(
				() => reject(new Error(`socket still open after ${timeoutMs} ms`)),
				timeoutMs,
			);
		});
		try {
			return await Promise.race([this.closed, timeout]);
		} finally {
			clearTimeout(timer);
		}
	}

	close(): void {
		if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
			this.ws.terminate();
		}
	}
}

/** `documentName`, MessageType.Auth (2), AuthMessageType.Token (0), token. */
export function authFrame(documentName: string, token: string): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarString(encoder, documentName);
	encoding.writeVarUint(encoder, 2);
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarString(encoder, token);
	return encoding.toUint8Array(encoder);
}

function toBytes(data: RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return new Uint8Array(data);
}
