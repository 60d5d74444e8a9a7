import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { ApiErrorBody, ApiErrorCode } from "@cossistant/types";
import { TokenBucketLimiter } from "../limits/token-bucket.ts";

/**
 * Per-IP token bucket on WebSocket upgrades (`WS_UPGRADE_RATE_LIMIT` per minute, bursts up to
 * the same number). An upgrade costs a handshake, a public-key check and a Hocuspocus
 * connection, and REST's per-IP limit never sees it, so a script could otherwise open sockets
 * in a loop. Over the limit the upgrade is answered `429 Too Many Requests` with `Retry-After`
 * on the raw socket, before any handshake; clients reconnect with backoff, so a page that
 * reconnects normally never gets near it.
 */
export class UpgradeLimiter {
	private readonly buckets: TokenBucketLimiter;

	constructor(
		perMinute: number,
		/** The client's IP as REST's limiter sees it (same `trust proxy`): see clientIpOf. */
		private readonly clientIp: (request: IncomingMessage) => string,
	) {
		this.buckets = new TokenBucketLimiter(perMinute, 60_000);
	}

	/** Takes a token for the request's IP; otherwise answers 429 on `socket` and returns false. */
	admit(request: IncomingMessage, socket: Duplex): boolean {
		const decision = this.buckets.take(`ip:${this.clientIp(request)}`);
		if (decision.allowed) return true;
		const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
		refuseUpgrade(socket, {
			code: "rate_limited",
			message: `Too many connections from this address. Retry in ${seconds} s.`,
			retryAfterSeconds: seconds,
		});
		return false;
	}
}

/**
 * Answers an upgrade with `429 Too Many Requests` and the one JSON error shape on the raw
 * socket, before any handshake, then closes it (`Retry-After` when `retryAfterSeconds` is set).
 */
export function refuseUpgrade(
	socket: Duplex,
	refusal: { code: ApiErrorCode; message: string; retryAfterSeconds?: number },
): void {
	const seconds = refusal.retryAfterSeconds;
	const body: ApiErrorBody = {
		error: {
			code: refusal.code,
			message: refusal.message,
			...(seconds !== undefined ? { details: { retryAfterSeconds: seconds } } : {}),
		},
	};
	const json = JSON.stringify(body);
	// The client may already be gone: a reset must not become an unhandled 'error'.
	socket.on("error", () => {});
	socket.end(
		"HTTP/1.1 429 Too Many Requests\r\n" +
			(seconds !== undefined ? `Retry-After: ${seconds}\r\n` : "") +
			"Content-Type: application/json; charset=utf-8\r\n" +
			`Content-Length: ${Buffer.byteLength(json)}\r\n` +
			"Connection: close\r\n\r\n" +
			json,
	);
}
