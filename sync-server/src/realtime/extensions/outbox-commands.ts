import { parseDocumentName } from "@cossistant/types";
import type {
	afterLoadDocumentPayload,
	Extension,
	onAuthenticatePayload,
} from "@hocuspocus/server";
import type { Principal } from "../../auth/principal.ts";
import type { LogLimiter } from "../../limits/log-limiter.ts";
import type { Logger } from "../../logger.ts";
import type { CommandPipeline } from "../../pipeline/command-pipeline.ts";
import type { ConnectionContext } from "../connection-context.ts";
import type { LiveDocuments } from "../live-documents.ts";
import { watchOutbox } from "../outbox-processor.ts";

export interface OutboxCommandsOptions {
	live: LiveDocuments;
	/** Where outbox commands go: the pipeline, behind the per-visitor command limit. */
	pipeline: Pick<CommandPipeline, "submit">;
	logger: Logger;
	/** Caps the warnings one client can cause (malformed outboxes). */
	warnings: LogLimiter;
}

/**
 * Wires each loaded outbox document to the command pipeline: the commands a client writes into
 * its outbox are submitted on behalf of the principal that was granted the outbox.
 */
export class OutboxCommands implements Extension<ConnectionContext> {
	extensionName = "cossistant-outbox-commands";
	private readonly outboxPrincipals = new Map<string, Principal>();

	constructor(private readonly options: OutboxCommandsOptions) {}

	/** Runs after the document was granted: remembers whose outbox it is. */
	async onAuthenticate(data: onAuthenticatePayload<ConnectionContext>): Promise<void> {
		const principal = data.context.principal;
		if (principal && parseDocumentName(data.documentName)?.kind === "outbox") {
			this.outboxPrincipals.set(data.documentName, principal);
		}
	}

	async afterLoadDocument(data: afterLoadDocumentPayload<ConnectionContext>): Promise<void> {
		if (parseDocumentName(data.documentName)?.kind !== "outbox") return;
		const { document, documentName } = data;
		const stop = watchOutbox(
			document,
			() => this.outboxPrincipals.get(documentName),
			this.options.pipeline,
			this.options.logger,
			this.options.warnings,
		);
		// Clean up when this very instance is destroyed (Hocuspocus may still cancel an unload
		// after beforeUnloadDocument if a connection attaches in between).
		document.once("destroy", () => {
			stop();
			if (!this.options.live.get(documentName)) this.outboxPrincipals.delete(documentName);
		});
	}
}
