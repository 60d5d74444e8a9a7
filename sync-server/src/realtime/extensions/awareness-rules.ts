import type { beforeHandleAwarenessPayload, Extension } from "@hocuspocus/server";
import type { AwarenessOwnership } from "../awareness-ownership.ts";
import { sanitizeAwarenessStates } from "../awareness-policy.ts";
import type { ConnectionContext } from "../connection-context.ts";

/**
 * Typing indicators: only your own client ids (see awareness-ownership.ts), only your own
 * typing, with a server-known name (see awareness-policy.ts).
 */
export class AwarenessRules implements Extension<ConnectionContext> {
	extensionName = "cossistant-awareness-rules";

	constructor(private readonly ownership: AwarenessOwnership) {}

	async beforeHandleAwareness(
		data: beforeHandleAwarenessPayload<ConnectionContext>,
	): Promise<void> {
		if (data.connection) this.ownership.restrict(data.document, data.connection, data.states);
		const principal = data.context?.principal;
		if (principal) sanitizeAwarenessStates(data.states, principal);
	}
}
