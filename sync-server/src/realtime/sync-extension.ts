import { CloseCodes, parseDocumentName } from "@cossistant/types";
import type {
	afterLoadDocumentPayload,
	beforeHandleAwarenessPayload,
	beforeHandleMessagePayload,
	Extension,
	onAuthenticatePayload,
	onLoadDocumentPayload,
} from "@hocuspocus/server";
import * as Y from "yjs";
import type { Authenticator, OutageMemoryOptions } from "../auth/authenticator.ts";
import type { SocketClose } from "../auth/ended-credential.ts";
import { type Principal, principalKey } from "../auth/principal.ts";
import { StaleIfUnreachable } from "../auth/stale-if-unreachable.ts";
import { VisitorTokenSigner } from "../auth/visitor-token.ts";
import { ApiError } from "../errors/api-error.ts";
import { isRetryableDatabaseError } from "../errors/retryable-errors.ts";
import type { LogLimiter } from "../limits/log-limiter.ts";
import type { Logger } from "../logger.ts";
import type { Database } from "../persistence/database.ts";
import type { DocStore } from "../persistence/doc-store.ts";
import type { CommandPipeline } from "../pipeline/command-pipeline.ts";
import type { AwarenessOwnership } from "./awareness-ownership.ts";
import { sanitizeAwarenessStates } from "./awareness-policy.ts";
import type { ConnectionContext } from "./connection-context.ts";
import { authorizeDocument, DocumentAccessDenied } from "./document-access.ts";
import type { LiveDocuments } from "./live-documents.ts";
import { watchOutbox } from "./outbox-processor.ts";
import { OutboxSizeGuard } from "./outbox-size-guard.ts";

export interface SyncExtensionOptions {
	db: Database;
	auth: Authenticator;
	store: DocStore;
	live: LiveDocuments;
	/** Where outbox commands go: the pipeline, behind the per-visitor command limit. */
	pipeline: Pick<CommandPipeline, "submit">;
	logger: Logger;
	/** Closes the whole socket of `request` (a bad token is wrong for every document on it). */
	closeSocket: (request: Request, code: number, reason: string) => void;
	/** Document access decided from memory while PostgreSQL is unreachable (off when absent). */
	outageMemory?: OutageMemoryOptions;
	/** Which awareness client ids each connection may write. */
	awareness: AwarenessOwnership;
	/** Caps the warnings one client can cause (malformed or oversized outboxes). */
	warnings: LogLimiter;
}

/** A document access decision as remembered (see `grants`). */
type DocumentGrant = Awaited<ReturnType<typeof authorizeDocument>>;

/**
 * The sync-server's Hocuspocus extension: authentication and per-document authorisation,
 * loading documents from the update log, and wiring outbox documents to the command pipeline.
 */
export class SyncExtension implements Extension<ConnectionContext> {
	extensionName = "cossistant-sync";
	private readonly principals = new WeakMap<Request, Promise<Principal>>();
	/** Principals whose token checked out, by socket request (read by the socket supervisor). */
	private readonly resolved = new WeakMap<Request, Principal>();
	private readonly outboxPrincipals = new Map<string, Principal>();

	private readonly outboxSize = new OutboxSizeGuard();
	/** Document authorizations in flight (see `settle`). */
	private readonly authorizing = new Set<Promise<void>>();
	/**
	 * Documents granted recently, by `<principal key> <document name>`: during a database outage
	 * a principal may reopen (e.g. from a second tab or after a reconnect) what it was allowed to
	 * open minutes ago, if this process still holds it. Refusals are never remembered.
	 */
	private readonly grants: StaleIfUnreachable<DocumentGrant>;

	constructor(private readonly options: SyncExtensionOptions) {
		const memory = options.outageMemory;
		this.grants = new StaleIfUnreachable({
			maxAgeMs: memory?.maxAgeMs ?? 0,
			patienceMs: memory?.patienceMs ?? 0,
			max: 200_000,
			onServedStale: () => memory?.onServedStale?.("document access"),
		});
	}

	/** Forgets the grants of a principal whose access just ended (blocked, removed). */
	forget(ended: SocketClose): void {
		if (ended.kind !== "user" && ended.kind !== "visitor") return;
		const prefix = `${ended.kind}:${ended.id} `;
		this.grants.forget((key) => key.startsWith(prefix));
	}

	async onAuthenticate(data: onAuthenticatePayload<ConnectionContext>): Promise<void> {
		const run = this.authorize(data);
		this.authorizing.add(run);
		try {
			await run;
		} finally {
			this.authorizing.delete(run);
		}
	}

	/**
	 * Resolves once every authorization in flight has finished. A graceful stop awaits it before
	 * closing the database: a socket's token check that started just before the stop would
	 * otherwise run its next query on a closed pool (found by the chaos fuzz's SIGTERMs).
	 */
	async settle(): Promise<void> {
		while (this.authorizing.size > 0) await Promise.allSettled([...this.authorizing]);
	}

	private async authorize(data: onAuthenticatePayload<ConnectionContext>): Promise<void> {
		try {
			const principal = await this.principalOf(data);
			const { readOnly, parsed } = await this.grants.get(
				`${principalKey(principal)} ${data.documentName}`,
				() => authorizeDocument(this.options.db, principal, data.documentName),
			);
			data.connectionConfig.readOnly = readOnly;
			data.context.principal = principal;
			if (parsed.kind === "outbox") this.outboxPrincipals.set(data.documentName, principal);
		} catch (error) {
			throw this.refusal(error, data.documentName, data.request);
		}
	}

	/** Outboxes are the only client-written documents: cap their size. */
	async beforeHandleMessage(data: beforeHandleMessagePayload<ConnectionContext>): Promise<void> {
		if (!data.documentName.startsWith("outbox/")) return;
		const tooLarge = this.outboxSize.check(data.document, data.update.byteLength);
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

	/**
	 * Typing indicators: only your own client ids (see awareness-ownership.ts), only your own
	 * typing, with a server-known name (see awareness-policy.ts).
	 */
	async beforeHandleAwareness(
		data: beforeHandleAwarenessPayload<ConnectionContext>,
	): Promise<void> {
		if (data.connection) {
			this.options.awareness.restrict(data.document, data.connection, data.states);
		}
		const principal = data.context?.principal;
		if (principal) sanitizeAwarenessStates(data.states, principal);
	}

	async onLoadDocument(data: onLoadDocumentPayload<ConnectionContext>): Promise<void> {
		const { documentName, document } = data;
		this.options.live.register(documentName, document);
		const parsed = parseDocumentName(documentName);
		// Outboxes are client-authoritative: the client's replica fills them on sync.
		if (!parsed || parsed.kind === "outbox") return;
		const state = await this.options.store.load(documentName);
		if (state) Y.applyUpdate(document, state);
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

	/**
	 * Hocuspocus prints the message of every error a hook throws with console.error, ignoring
	 * `quiet` and LOG_LEVEL, so any client could flood stderr with refused documents. Refusals are
	 * logged here instead and rethrown without a message: Hocuspocus then stays silent and still
	 * sends `reason` (a stable code) to the provider's onAuthenticationFailed.
	 */
	private refusal(
		error: unknown,
		documentName: string,
		request: Request,
	): Error & { reason: string } {
		let reason: string;
		if (error instanceof DocumentAccessDenied) reason = error.reason;
		else if (error instanceof ApiError) reason = error.code;
		else {
			// An unreachable database is expected to pass (warn, as the pipeline does); anything
			// else is a bug worth an error.
			if (isRetryableDatabaseError(error)) {
				this.options.logger.warn(
					{ err: error, documentName },
					"document authorization unavailable",
				);
			} else {
				this.options.logger.error({ err: error, documentName }, "document authorization failed");
			}
			reason = "internal_error";
			// Access could not be decided (e.g. the database is unreachable). A provider refused
			// once never asks again on this socket, so its document (an outbox too) would stay
			// dead: close the socket instead; the client reconnects and every document is retried.
			this.options.closeSocket(request, CloseCodes.TryAgainLater, "unavailable");
		}
		this.options.logger.debug({ documentName, reason }, "document refused");
		return Object.assign(new Error(), { reason });
	}

	/** The authenticated principal of the socket that carried `request`, if any yet. */
	principalOfRequest(request: Request): Principal | undefined {
		return this.resolved.get(request);
	}

	/** Resolves the socket's principal once (all documents of a socket share its token). */
	private principalOf(data: onAuthenticatePayload<ConnectionContext>): Promise<Principal> {
		let pending = this.principals.get(data.request);
		if (!pending) {
			pending = this.authenticate(data.token, data.context);
			this.principals.set(data.request, pending);
			pending.then(
				(principal) => this.resolved.set(data.request, principal),
				() => {},
			);
			pending.catch((error: unknown) => {
				if (error instanceof ApiError) {
					this.options.closeSocket(data.request, CloseCodes.Unauthorized, error.code);
					return;
				}
				// The token could not be checked (database unreachable): clients treat 4401 as
				// "logged out", so this must not be one. They reconnect and are checked again.
				this.options.logger.warn({ err: error }, "socket authentication failed; try again later");
				this.options.closeSocket(data.request, CloseCodes.TryAgainLater, "unavailable");
			});
		}
		return pending;
	}

	private async authenticate(token: string, context: ConnectionContext): Promise<Principal> {
		if (!token)
			throw new ApiError(401, "unauthorized", "A visitor token or session token is required.");
		if (VisitorTokenSigner.isVisitorToken(token)) {
			// Widgets must connect with their public key, so the origin check applies to them.
			const websiteId = context.publicKey?.websiteId;
			if (!websiteId)
				throw new ApiError(401, "missing_public_key", "Visitors connect with ?publicKey=.");
			const visitor = await this.options.auth.checkVisitorToken(token, websiteId);
			if (!visitor) throw new ApiError(401, "unauthorized", "Invalid visitor token.");
			// The key's environment decides whether identify needs a signature (test: optional).
			return {
				...visitor,
				keyEnvironment: context.publicKey?.environment,
				clientIp: context.clientIp,
			};
		}
		return this.options.auth.checkSession(token);
	}
}
