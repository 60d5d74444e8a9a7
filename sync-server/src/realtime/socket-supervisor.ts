import { CloseCodes } from "@cossistant/types";
import type { SocketClose } from "../auth/ended-credential.ts";
import type { Principal } from "../auth/principal.ts";
import type { Logger } from "../logger.ts";
import type { Database } from "../persistence/database.ts";
import type { ConnectionContext } from "./connection-context.ts";

/** What the supervisor needs from the WebSocket gateway. */
export interface SupervisedSockets {
	closeWhere(
		match: (request: Request, context: ConnectionContext) => boolean,
		code: number,
		reason: string,
	): number;
	openSockets(): Array<{ request: Request; context: ConnectionContext }>;
}

/** Dependencies and cadence of the {@link SocketSupervisor}. */
export interface SocketSupervisorOptions {
	sockets: SupervisedSockets;
	/** The authenticated principal of a socket (undefined until its token checked out). */
	principalOf: (request: Request) => Principal | undefined;
	db: Database;
	logger: Logger;
	/** How often open sockets' credentials are re-checked against the database. */
	sweepIntervalMs: number;
	/** Tells the other processes about closes this process decides (see SocketCloseRelay). */
	relay?: (close: SocketClose) => void;
	/** Told of every close applied here (local or relayed), e.g. to forget remembered credentials. */
	onClose?: (close: SocketClose) => void;
}

/**
 * Closes open WebSockets whose credentials stopped being valid after they connected.
 *
 * Credentials are checked when a socket connects, so a socket could otherwise outlive a logout,
 * a session expiry, a visitor block or a key revocation. This process closes its own sockets at
 * once when it performs such a change (`close…` methods) and, with Redis, tells the other
 * processes (`relay`); a periodic sweep catches what a lost relay message missed and sessions
 * that simply expired, as well as visitor tokens that expired (the widget renews its token at the
 * bootstrap and reconnects).
 * Close reasons are stable error codes, as at the upgrade.
 */
export class SocketSupervisor {
	private timer: NodeJS.Timeout | null = null;
	private sweeping = false;

	constructor(private readonly options: SocketSupervisorOptions) {}

	start(): void {
		if (this.timer) return;
		this.timer = setInterval(() => void this.sweep(), this.options.sweepIntervalMs);
		this.timer.unref();
	}

	stop(): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = null;
	}

	/** Closes the sockets of an agent session that ended (logout), in every process. */
	closeSession(sessionId: string, reason = "unauthorized"): number {
		return this.closeEverywhere({ kind: "session", id: sessionId, reason });
	}

	/** Closes every socket of an agent (e.g. removed from a website), in every process. */
	closeUser(userId: string): number {
		return this.closeEverywhere({ kind: "user", id: userId });
	}

	/** Closes every socket of a visitor (blocked), in every process. */
	closeVisitor(visitorId: string): number {
		return this.closeEverywhere({ kind: "visitor", id: visitorId });
	}

	/**
	 * Closes every socket of an unblocked visitor with 1013 `visitor_unblocked`, in every process:
	 * its documents were refused while it was blocked (a provider never asks again on a socket), so
	 * it reconnects at once and opens them, and the widget lifts its blocked state live.
	 */
	reopenVisitor(visitorId: string): number {
		return this.closeEverywhere({ kind: "visitorUnblocked", id: visitorId });
	}

	/** Closes every socket opened with a public key (revoked), in every process. */
	closeApiKey(apiKeyId: string): number {
		return this.closeEverywhere({ kind: "apiKey", id: apiKeyId });
	}

	/** Applies a close decided by another process (or this one); returns the sockets closed. */
	closeHere(close: SocketClose): number {
		this.options.onClose?.(close);
		switch (close.kind) {
			case "session":
				return this.closeByPrincipal(
					(p) => p.kind === "user" && p.sessionId === close.id,
					CloseCodes.Unauthorized,
					close.reason,
				);
			case "user":
				return this.closeByPrincipal(
					(p) => p.kind === "user" && p.userId === close.id,
					CloseCodes.Unauthorized,
					"unauthorized",
				);
			case "visitor":
				return this.closeByPrincipal(
					(p) => p.kind === "visitor" && p.visitorId === close.id,
					CloseCodes.Forbidden,
					"visitor_blocked",
				);
			case "visitorUnblocked":
				return this.closeByPrincipal(
					(p) => p.kind === "visitor" && p.visitorId === close.id,
					CloseCodes.TryAgainLater,
					"visitor_unblocked",
				);
			case "apiKey":
				return this.options.sockets.closeWhere(
					(_request, context) => context.publicKey?.apiKeyId === close.id,
					CloseCodes.Unauthorized,
					"invalid_api_key",
				);
		}
	}

	/**
	 * Closes the sockets whose visitor token expired since they connected (a socket must not
	 * outlive the token it was opened with); each process closes its own.
	 */
	closeExpiredVisitorTokens(now = Date.now()): number {
		return this.closeByPrincipal(
			(p) => p.kind === "visitor" && p.tokenExpiresAt !== undefined && p.tokenExpiresAt <= now,
			CloseCodes.Unauthorized,
			"visitor_token_expired",
		);
	}

	private closeEverywhere(close: SocketClose): number {
		this.options.relay?.(close);
		return this.closeHere(close);
	}

	/** Re-checks every open socket's session, visitor and key against the database. */
	async sweep(): Promise<void> {
		if (this.sweeping) return;
		this.sweeping = true;
		try {
			this.closeExpiredVisitorTokens();
			const sessionIds = new Set<string>();
			const visitorIds = new Set<string>();
			const apiKeyIds = new Set<string>();
			for (const { request, context } of this.options.sockets.openSockets()) {
				const principal = this.options.principalOf(request);
				if (principal?.kind === "user" && principal.sessionId) sessionIds.add(principal.sessionId);
				if (principal?.kind === "visitor") visitorIds.add(principal.visitorId);
				if (context.publicKey) apiKeyIds.add(context.publicKey.apiKeyId);
			}
			const { prisma } = this.options.db;
			const now = new Date();
			const [liveSessions, blocked, revoked] = await Promise.all([
				sessionIds.size === 0
					? []
					: prisma.session.findMany({
							where: { id: { in: [...sessionIds] }, expiresAt: { gt: now } },
							select: { id: true },
						}),
				visitorIds.size === 0
					? []
					: prisma.visitor.findMany({
							where: { id: { in: [...visitorIds] }, isBlocked: true },
							select: { id: true },
						}),
				apiKeyIds.size === 0
					? []
					: prisma.apiKey.findMany({
							where: { id: { in: [...apiKeyIds] }, revokedAt: { not: null } },
							select: { id: true },
						}),
			]);
			const live = new Set(liveSessions.map((s) => s.id));
			// Every process sweeps its own sockets: nothing to relay.
			for (const id of sessionIds) {
				if (!live.has(id)) this.closeHere({ kind: "session", id, reason: "session_expired" });
			}
			for (const { id } of blocked) this.closeHere({ kind: "visitor", id });
			for (const { id } of revoked) this.closeHere({ kind: "apiKey", id });
		} catch (error) {
			this.options.logger.warn({ err: error }, "socket credential sweep failed");
		} finally {
			this.sweeping = false;
		}
	}

	private closeByPrincipal(
		match: (principal: Principal) => boolean,
		code: number,
		reason: string,
	): number {
		return this.options.sockets.closeWhere(
			(request) => {
				const principal = this.options.principalOf(request);
				return principal !== undefined && match(principal);
			},
			code,
			reason,
		);
	}
}
