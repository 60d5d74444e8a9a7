import type { Extension } from "@hocuspocus/server";
import type { Authenticator, OutageMemoryOptions } from "../auth/authenticator.ts";
import type { SocketClose } from "../auth/ended-credential.ts";
import type { Principal } from "../auth/principal.ts";
import type { LogLimiter } from "../limits/log-limiter.ts";
import type { Logger } from "../logger.ts";
import type { Database } from "../persistence/database.ts";
import type { DocStore } from "../persistence/doc-store.ts";
import type { CommandPipeline } from "../pipeline/command-pipeline.ts";
import type { AwarenessOwnership } from "./awareness-ownership.ts";
import type { ConnectionContext } from "./connection-context.ts";
import { Authentication } from "./extensions/authentication.ts";
import { AwarenessRules } from "./extensions/awareness-rules.ts";
import { DocumentAuthorization } from "./extensions/document-authorization.ts";
import { DocumentLoading } from "./extensions/document-loading.ts";
import { InFlightWork } from "./extensions/in-flight.ts";
import { OutboxCommands } from "./extensions/outbox-commands.ts";
import { OutboxSizeCap } from "./extensions/outbox-size-cap.ts";
import type { CloseSocket } from "./extensions/refusal.ts";
import type { LiveDocuments } from "./live-documents.ts";

export interface SyncExtensionsOptions {
	db: Database;
	auth: Authenticator;
	store: DocStore;
	live: LiveDocuments;
	/** Where outbox commands go: the pipeline, behind the per-visitor command limit. */
	pipeline: Pick<CommandPipeline, "submit">;
	logger: Logger;
	/** Closes the whole socket of `request` (a bad token is wrong for every document on it). */
	closeSocket: CloseSocket;
	/** Document access decided from memory while PostgreSQL is unreachable (off when absent). */
	outageMemory?: OutageMemoryOptions;
	/** Which awareness client ids each connection may write. */
	awareness: AwarenessOwnership;
	/** Caps the warnings one client can cause (malformed or oversized outboxes). */
	warnings: LogLimiter;
}

/** The sync-server's Hocuspocus extensions, and the handles the rest of the server needs. */
export interface SyncExtensions {
	/** In hook order: authentication, then authorization, then what needs a granted principal. */
	extensions: Extension<ConnectionContext>[];
	/** The authenticated principal of the socket that carried `request`, if any yet. */
	principalOfRequest(request: Request): Principal | undefined;
	/** Forgets the document grants of a principal whose access just ended (blocked, removed). */
	forget(ended: SocketClose): void;
	/** Resolves once no hook still needs the database (a graceful stop awaits it). */
	settle(): Promise<void>;
}

/**
 * Builds the extensions, one concern each, as Hocuspocus itself is built: who is on the socket,
 * which documents they may open, loading documents, outboxes to the pipeline, the outbox size
 * cap and the awareness rules. Hocuspocus runs each hook through them in this order, and a hook
 * that throws stops the ones after it (a refused document never reaches the outbox wiring).
 */
export function createSyncExtensions(options: SyncExtensionsOptions): SyncExtensions {
	const inFlight = new InFlightWork();
	const { logger, closeSocket } = options;
	const authentication = new Authentication({ auth: options.auth, logger, closeSocket, inFlight });
	const authorization = new DocumentAuthorization({
		db: options.db,
		logger,
		closeSocket,
		inFlight,
		outageMemory: options.outageMemory,
	});
	return {
		extensions: [
			authentication,
			authorization,
			new DocumentLoading({ store: options.store, live: options.live }),
			new OutboxCommands({
				live: options.live,
				pipeline: options.pipeline,
				logger,
				warnings: options.warnings,
			}),
			new OutboxSizeCap({ logger, closeSocket, warnings: options.warnings }),
			new AwarenessRules(options.awareness),
		],
		principalOfRequest: (request) => authentication.principalOfRequest(request),
		forget: (ended) => authorization.forget(ended),
		settle: () => inFlight.settle(),
	};
}
