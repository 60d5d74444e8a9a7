import { CloseCodes } from "@cossistant/types";
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
}

/**
 * Closes open WebSockets whose credentials stopped being valid after they connected.
 *
 * Credentials are checked when a socket connects, so a socket could otherwise outlive a logout,
 * a session expiry, a visitor block or a key revocation. This process closes its own sockets at
 * once when it performs such a change (`close…` methods); a periodic sweep catches changes made
 * by other processes (N sync-servers share one database) and sessions that simply expired.
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

	/** Closes the sockets of an agent session that ended (logout). */
	closeSession(sessionId: string, reason = "unauthorized"): number {
		return this.closeByPrincipal(
			(p) => p.kind === "user" && p.sessionId === sessionId,
			CloseCodes.Unauthorized,
			reason,
		);
	}

	/** Closes every socket of an agent (e.g. removed from a website: memberships changed). */
	closeUser(userId: string): number {
		return this.closeByPrincipal(
			(p) => p.kind === "user" && p.userId === userId,
			CloseCodes.Unauthorized,
			"unauthorized",
		);
	}

	/** Closes every socket of a visitor (blocked). */
	closeVisitor(visitorId: string): number {
		return this.closeByPrincipal(
			(p) => p.kind === "visitor" && p.visitorId === visitorId,
			CloseCodes.Forbidden,
			"visitor_blocked",
		);
	}

	/** Closes every socket opened with a public key (revoked). */
	closeApiKey(apiKeyId: string): number {
		return this.options.sockets.closeWhere(
			(_request, context) => context.publicKey?.apiKeyId === apiKeyId,
			CloseCodes.Unauthorized,
			"invalid_api_key",
		);
	}

	/** Re-checks every open socket's session, visitor and key against the database. */
	async sweep(): Promise<void> {
		if (this.sweeping) return;
		this.sweeping = true;
		try {
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
			for (const id of sessionIds) if (!live.has(id)) this.closeSession(id, "session_expired");
			for (const { id } of blocked) this.closeVisitor(id);
			for (const { id } of revoked) this.closeApiKey(id);
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
