import type { Extension, onAuthenticatePayload } from "@hocuspocus/server";
import type { OutageMemoryOptions } from "../../auth/authenticator.ts";
import type { SocketClose } from "../../auth/ended-credential.ts";
import { principalKey } from "../../auth/principal.ts";
import { StaleIfUnreachable } from "../../auth/stale-if-unreachable.ts";
import type { Logger } from "../../logger.ts";
import type { Database } from "../../persistence/database.ts";
import type { ConnectionContext } from "../connection-context.ts";
import { authorizeDocument } from "../document-access.ts";
import type { InFlightWork } from "./in-flight.ts";
import { type CloseSocket, documentRefusal } from "./refusal.ts";

export interface DocumentAuthorizationOptions {
	db: Database;
	logger: Logger;
	closeSocket: CloseSocket;
	inFlight: InFlightWork;
	/** Document access decided from memory while PostgreSQL is unreachable (off when absent). */
	outageMemory?: OutageMemoryOptions;
}

/** A document access decision as remembered (see `grants`). */
type DocumentGrant = Awaited<ReturnType<typeof authorizeDocument>>;

/**
 * Which documents the socket's principal may open, and whether read-only (see
 * document-access.ts). Runs after {@link Authentication}, which put the principal in the context.
 */
export class DocumentAuthorization implements Extension<ConnectionContext> {
	extensionName = "cossistant-document-authorization";
	/**
	 * Documents granted recently, by `<principal key> <document name>`: during a database outage
	 * a principal may reopen (e.g. from a second tab or after a reconnect) what it was allowed to
	 * open minutes ago, if this process still holds it. Refusals are never remembered.
	 */
	private readonly grants: StaleIfUnreachable<DocumentGrant>;

	constructor(private readonly options: DocumentAuthorizationOptions) {
		const memory = options.outageMemory;
		this.grants = new StaleIfUnreachable({
			maxAgeMs: memory?.maxAgeMs ?? 0,
			patienceMs: memory?.patienceMs ?? 0,
			max: 200_000,
			onServedStale: () => memory?.onServedStale?.("document access"),
		});
	}

	async onAuthenticate(data: onAuthenticatePayload<ConnectionContext>): Promise<void> {
		const principal = data.context.principal;
		if (!principal) throw new Error("DocumentAuthorization runs after Authentication.");
		try {
			const { readOnly } = await this.options.inFlight.track(() =>
				this.grants.get(`${principalKey(principal)} ${data.documentName}`, () =>
					authorizeDocument(this.options.db, principal, data.documentName),
				),
			);
			data.connectionConfig.readOnly = readOnly;
		} catch (error) {
			throw documentRefusal(error, data, this.options.logger, this.options.closeSocket);
		}
	}

	/** Forgets the grants of a principal whose access just ended (blocked, removed). */
	forget(ended: SocketClose): void {
		if (ended.kind !== "user" && ended.kind !== "visitor") return;
		const prefix = `${ended.kind}:${ended.id} `;
		this.grants.forget((key) => key.startsWith(prefix));
	}
}
