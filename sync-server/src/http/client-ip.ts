import type { IncomingMessage } from "node:http";
import type { Express } from "express";

/**
 * The client IP of a raw request (a WebSocket upgrade, which never reaches Express) exactly as
 * Express computes `req.ip` for REST: through the app's own `trust proxy` setting, so per-IP
 * limits on both paths count the same address (the socket's peer, or the trusted
 * X-Forwarded-For hop when `TRUST_PROXY` says so).
 */
export function clientIpOf(app: Express): (request: IncomingMessage) => string {
	return (request) => {
		const view = Object.create(app.request, {
			app: { value: app },
			headers: { value: request.headers },
			socket: { value: request.socket },
			connection: { value: request.socket },
		}) as Express["request"];
		return view.ip ?? "unknown";
	};
}
