import type { PrincipalKey } from "@cossistant/types";

/** An anonymous (or identified) browser, proven by its visitor token. */
export interface VisitorPrincipal {
	kind: "visitor";
	visitorId: string;
	websiteId: string;
}

/** A logged-in agent, proven by a dashboard session. */
export interface UserPrincipal {
	kind: "user";
	userId: string;
	name: string;
	role: "admin" | "agent";
	websiteIds: ReadonlySet<string>;
}

/** Whoever issues a command or opens a document. */
export type Principal = VisitorPrincipal | UserPrincipal;

/** The outbox / ledger key of a principal: `visitor:<id>` or `user:<id>`. */
export function principalKey(principal: Principal): PrincipalKey {
	return principal.kind === "visitor"
		? `visitor:${principal.visitorId}`
		: `user:${principal.userId}`;
}
