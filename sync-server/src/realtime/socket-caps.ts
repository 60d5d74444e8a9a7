import { CloseCodes } from "@cossistant/types";
import type { Extension, onAuthenticatePayload } from "@hocuspocus/server";
import type { Principal } from "../auth/principal.ts";
import { ConcurrencyLimiter } from "../limits/concurrency-limiter.ts";
import type { ConnectionContext } from "./connection-context.ts";

/** Open sockets allowed at once (`WS_CONNECTIONS_PER_*`); 0 = no cap. */
export interface SocketCapLimits {
	perIp: number;
	perVisitor: number;
	perSession: number;
}

/** The stable reason of sockets refused or closed by a cap (with 429 / {@link CloseCodes.TooManyConnections}). */
export const TOO_MANY_CONNECTIONS = "too_many_connections";

/**
 * Caps on sockets held open at once, beside the upgrade rate limit (which only caps how fast
 * they are opened: a client opening 2 a minute for a day would otherwise hold thousands).
 *
 * - Per client IP, at the upgrade (before the handshake): the gateway calls {@link admitIp} and
 *   answers 429 `too_many_connections` when it is refused, {@link releaseIp} when the socket ends.
 * - Per visitor and per agent session, once the socket proves who holds it: as a Hocuspocus
 *   extension running after the sync extension's authentication (lower priority), the first
 *   document of a socket claims a slot for its holder; past the cap the socket is closed with
 *   4429 `too_many_connections`. Backends (private keys) are servers and not capped here.
 */
export class SocketCaps implements Extension<ConnectionContext> {
	extensionName = "cossistant-socket-caps";
	/** After the sync extension (default 100), which resolves the principal. */
	priority = 50;
	private readonly byIp: ConcurrencyLimiter | null;
	private readonly byVisitor: ConcurrencyLimiter | null;
	private readonly bySession: ConcurrencyLimiter | null;
	/** The holder slot each socket (by its request) took, to release when it closes. */
	private readonly claims = new WeakMap<Request, { limiter: ConcurrencyLimiter; key: string }>();

	constructor(
		limits: SocketCapLimits,
		/** Closes the socket of `request` (the gateway's closeSocket). */
		private readonly closeSocket: (request: Request, code: number, reason: string) => void,
	) {
		this.byIp = limits.perIp > 0 ? new ConcurrencyLimiter(limits.perIp) : null;
		this.byVisitor = limits.perVisitor > 0 ? new ConcurrencyLimiter(limits.perVisitor) : null;
		this.bySession = limits.perSession > 0 ? new ConcurrencyLimiter(limits.perSession) : null;
	}

	/** Takes a socket slot for `ip`; false when it already holds the cap. */
	admitIp(ip: string): boolean {
		return this.byIp ? this.byIp.acquire(`ip:${ip}`) : true;
	}

	/** Gives back the slot of a socket from `ip` (only for sockets {@link admitIp} accepted). */
	releaseIp(ip: string): void {
		this.byIp?.release(`ip:${ip}`);
	}

	/** Gives back the holder slot of the socket that carried `request`, if it took one. */
	releaseHolder(request: Request): void {
		const claim = this.claims.get(request);
		if (!claim) return;
		this.claims.delete(request);
		claim.limiter.release(claim.key);
	}

	async onAuthenticate(data: onAuthenticatePayload<ConnectionContext>): Promise<void> {
		const principal = data.context?.principal;
		if (!principal || this.claims.has(data.request)) return;
		const holder = this.holderOf(principal);
		if (!holder) return;
		if (holder.limiter.acquire(holder.key)) {
			this.claims.set(data.request, holder);
			return;
		}
		this.closeSocket(data.request, CloseCodes.TooManyConnections, TOO_MANY_CONNECTIONS);
		// No message: Hocuspocus prints thrown messages to stderr (see the sync extension).
		throw Object.assign(new Error(), { reason: TOO_MANY_CONNECTIONS });
	}

	private holderOf(principal: Principal): { limiter: ConcurrencyLimiter; key: string } | undefined {
		if (principal.kind === "visitor" && this.byVisitor) {
			return { limiter: this.byVisitor, key: principal.visitorId };
		}
		if (principal.kind === "user" && this.bySession) {
			return { limiter: this.bySession, key: principal.sessionId ?? `user:${principal.userId}` };
		}
		return undefined;
	}
}
