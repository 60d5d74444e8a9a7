import type { beforeHandleMessagePayload, Extension } from "@hocuspocus/server";
import { principalKey } from "../../auth/principal.ts";
import type { LogLimiter } from "../../limits/log-limiter.ts";
import type { Logger } from "../../logger.ts";
import type { ConnectionContext } from "../connection-context.ts";
import { OutboxSizeGuard } from "../outbox-size-guard.ts";
import type { CloseSocket } from "./refusal.ts";

export interface OutboxSizeCapOptions {
	logger: Logger;
	closeSocket: CloseSocket;
	/** Caps the warnings one client can cause (oversized outboxes). */
	warnings: LogLimiter;
}

/** Outboxes are the only client-written documents: their size is capped (see outbox-size-guard.ts). */
export class OutboxSizeCap implements Extension<ConnectionContext> {
	extensionName = "cossistant-outbox-size-cap";
	private readonly guard = new OutboxSizeGuard();

	constructor(private readonly options: OutboxSizeCapOptions) {}

	async beforeHandleMessage(data: beforeHandleMessagePayload<ConnectionContext>): Promise<void> {
		if (!data.documentName.startsWith("outbox/")) return;
		const tooLarge = this.guard.check(data.document, data.update.byteLength);
		if (!tooLarge) return;
		const principal = data.context?.principal;
		this.options.warnings.warn(
			this.options.logger,
			principal ? principalKey(principal) : data.documentName,
			{ documentName: data.documentName },
			"outbox over its size cap; closing the socket",
		);
		// Closing the socket stops everything after this frame (the gateway drops frames from a
		// closing socket); the document overshoots the cap by one frame at most (WS_MAX_PAYLOAD).
		this.options.closeSocket(data.connection.request, tooLarge.code, tooLarge.reason);
	}
}
