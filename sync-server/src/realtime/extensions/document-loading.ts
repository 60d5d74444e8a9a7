import { parseDocumentName } from "@cossistant/types";
import type { Extension, onLoadDocumentPayload } from "@hocuspocus/server";
import * as Y from "yjs";
import type { DocStore } from "../../persistence/doc-store.ts";
import type { ConnectionContext } from "../connection-context.ts";
import type { LiveDocuments } from "../live-documents.ts";

/**
 * Loads a document from the update log when a socket first opens it, and registers the live
 * replica so committed updates reach it. Only the pipeline writes server documents; nothing is
 * stored from here.
 */
export class DocumentLoading implements Extension<ConnectionContext> {
	extensionName = "cossistant-document-loading";

	constructor(private readonly options: { store: DocStore; live: LiveDocuments }) {}

	async onLoadDocument(data: onLoadDocumentPayload<ConnectionContext>): Promise<void> {
		const { documentName, document } = data;
		this.options.live.register(documentName, document);
		const parsed = parseDocumentName(documentName);
		// Outboxes are client-authoritative: the client's replica fills them on sync.
		if (!parsed || parsed.kind === "outbox") return;
		const state = await this.options.store.load(documentName);
		if (state) Y.applyUpdate(document, state);
	}
}
