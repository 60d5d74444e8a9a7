import { type Principal, principalKey } from "../auth/principal.ts";

/** How long a typing state may claim to be fresh, ahead of the server's clock (skew). */
const MAX_CLOCK_SKEW_MS = 60_000;

/**
 * Rewrites a client's awareness states before they reach other peers (Hocuspocus'
 * beforeHandleAwareness): only a well-formed `typing` entry survives, its `principal` must be
 * the connection's own, and the display name comes from the server (agents) or is dropped
 * (visitors), so a visitor can never appear as "Sarah is typing…". Awareness is never
 * persisted; anything else a client puts there is removed.
 */
export function sanitizeAwarenessStates(
	states: Map<number, Record<string, unknown>>,
	principal: Principal,
): void {
	const self = principalKey(principal);
	for (const [clientId, state] of states) {
		const typing = state.typing as { principal?: unknown; at?: unknown } | null | undefined;
		const valid =
			typing &&
			typeof typing === "object" &&
			typing.principal === self &&
			typeof typing.at === "number" &&
			Number.isFinite(typing.at) &&
			typing.at <= Date.now() + MAX_CLOCK_SKEW_MS;
		const clean: Record<string, unknown> = {};
		if (valid) {
			clean.typing = {
				principal: self,
				at: typing.at,
				...(principal.kind === "user" ? { name: principal.name } : {}),
			};
		}
		states.set(clientId, clean);
	}
}
