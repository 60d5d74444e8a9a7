import type { PrincipalKey } from "@cossistant/types";

/** An anonymous (or identified) browser, proven by its visitor token. */
export interface VisitorPrincipal {
	kind: "visitor";
	visitorId: string;
	websiteId: string;
	/**
	 * Environment of the public key the request came with (for logs and diagnostics: identity
	 * verification is the same for test and live keys).
	 */
	keyEnvironment?: "test" | "live";
	/** The client IP of the socket or request the visitor came over (per-IP command budgets). */
	clientIp?: string;
	/** When the token it was proven by expires (ms since the epoch): its sockets close then. */
	tokenExpiresAt?: number;
}

/** A logged-in agent, proven by a dashboard session. */
export interface UserPrincipal {
	kind: "user";
	userId: string;
	name: string;
	/** The websites the agent is a member of. */
	websiteIds: ReadonlySet<string>;
	/** The websites of which the agent is an admin (a role is per membership). */
	adminWebsiteIds: ReadonlySet<string>;
	/** The session the principal logged in with (its sockets close when it ends). */
	sessionId?: string;
}

/**
 * A server of the website calling with a private key (`sk_…`). Acting as an AI agent when
 * `aiAgentId` is set (messages and events are attributed to it); otherwise as "the API".
 */
export interface BackendPrincipal {
	kind: "backend";
	websiteId: string;
	apiKeyId: string;
	aiAgentId?: string | null;
	/** Display name in event lines: the AI agent's name, or "API". */
	name: string;
}

/** Whoever issues a command or opens a document. */
export type Principal = VisitorPrincipal | UserPrincipal | BackendPrincipal;

/** Whoever may act as the support team: a logged-in agent or a backend with a private key. */
export type AgentPrincipal = UserPrincipal | BackendPrincipal;

/** Ledger key of a principal; backends have no outbox, so theirs is never a document name. */
export type LedgerKey = PrincipalKey | `backend:${string}`;

/** The outbox / ledger key of a principal: `visitor:<id>`, `user:<id>` or `backend:<websiteId>`. */
export function principalKey(principal: Principal): LedgerKey {
	if (principal.kind === "backend") {
		// Every private key of a website speaks for the same backend: a command retried with a
		// rotated key is still recognised as the same command.
		return `backend:${principal.websiteId}`;
	}
	return principal.kind === "visitor"
		? `visitor:${principal.visitorId}`
		: `user:${principal.userId}`;
}
