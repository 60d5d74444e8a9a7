import { HEADERS, type PrincipalKey } from "@cossistant/types";
import { deriveWsUrl } from "../config/server-urls.ts";
import { Outbox } from "../outbox/outbox.ts";
import type { OutboxPersistence } from "../outbox/outbox-persistence.ts";
import type { ClientEnvironment } from "../platform/environment.ts";
import type { DocCache } from "../sync/doc-cache.ts";
import { SyncConnection, type SyncConnectionOptions } from "../sync/sync-connection.ts";
import { type UploadedPart, type UploadFileOptions, uploadFile } from "../uploads/upload-file.ts";

/** Where a client reaches the server, and how it proves who it is. */
export interface PrincipalConnectionOptions {
	/** REST base, e.g. `https://support.example.com/v1` (trailing slashes are dropped). */
	apiUrl: string;
	/** WebSocket URL. @default derived from apiUrl (see deriveWsUrl) */
	wsUrl?: string;
	/**
	 * The website's public key: set for a visitor (it goes with the visitor token on the socket
	 * and on uploads), absent for an agent (whose session token is a bearer token).
	 */
	publicKey?: string;
	environment: ClientEnvironment;
	fetch?: typeof fetch;
	/** WebSocket class for runtimes without a global one. */
	WebSocketPolyfill?: unknown;
	/**
	 * The token an upload carries, read per attempt (a retry after a renewal carries the fresh
	 * one); it may reject when there is none yet and cannot be had.
	 */
	uploadToken: () => Promise<string>;
}

/** What `connect` needs once the principal and its token are known. */
export interface PrincipalConnectOptions
	extends Pick<
		SyncConnectionOptions,
		"takePreloaded" | "onRefusal" | "onUnauthorized" | "onDocumentRefused"
	> {
	/** `visitor:<id>` or `user:<id>`: whose outbox document carries the commands. */
	principal: PrincipalKey;
	token: string;
	cache: DocCache;
	persistence: OutboxPersistence;
}

/** The live half: one socket for every document, and the principal's durable outbox on it. */
export interface ConnectedPrincipal {
	sync: SyncConnection;
	outbox: Outbox;
}

/**
 * Everything one principal (a visitor or an agent) needs to talk to the server, shared by the
 * visitor's CossistantClient and the AgentClient so the two cannot drift apart: the REST and
 * WebSocket URLs, the credentials uploads carry, and once connected the multiplexed sync
 * connection with the principal's outbox. Connecting is separate from constructing because a
 * visitor only knows who it is (and its token) after the bootstrap, while uploads and URLs are
 * needed before.
 */
export class PrincipalConnection {
	/** REST base without trailing slashes. */
	readonly apiUrl: string;
	readonly wsUrl: string;
	private live: ConnectedPrincipal | null = null;

	constructor(private readonly options: PrincipalConnectionOptions) {
		this.apiUrl = options.apiUrl.replace(/\/+$/, "");
		// An empty string is as good as no URL: derive it rather than connect to nothing.
		this.wsUrl = options.wsUrl || deriveWsUrl(this.apiUrl);
	}

	/** The socket and outbox, or null before `connect`. */
	get connected(): ConnectedPrincipal | null {
		return this.live;
	}

	/**
	 * Opens the socket as `principal` and its outbox document (call once). The outbox is not
	 * restored here: callers restore it once the documents they follow are open, so replayed
	 * commands find them.
	 */
	connect(options: PrincipalConnectOptions): ConnectedPrincipal {
		if (this.live) throw new Error("This principal is connected already.");
		const sync = new SyncConnection({
			wsUrl: this.wsUrl,
			publicKey: this.options.publicKey,
			token: options.token,
			environment: this.options.environment,
			cache: options.cache,
			takePreloaded: options.takePreloaded,
			WebSocketPolyfill: this.options.WebSocketPolyfill,
			onRefusal: options.onRefusal,
			onUnauthorized: options.onUnauthorized,
			onDocumentRefused: options.onDocumentRefused,
		});
		this.live = { sync, outbox: new Outbox(options.principal, sync, options.persistence) };
		return this.live;
	}

	/** The headers an upload authenticates with: public key and visitor token, or the agent's bearer token. */
	async uploadHeaders(): Promise<Record<string, string>> {
		const token = await this.options.uploadToken();
		const { publicKey } = this.options;
		return publicKey
			? { [HEADERS.publicKey]: publicKey, [HEADERS.visitorToken]: token }
			: { authorization: `Bearer ${token}` };
	}

	/** Uploads `file` as this principal (see `uploads/upload-file.ts`). */
	uploadFile(file: Blob, options: UploadFileOptions = {}): Promise<UploadedPart> {
		return uploadFile(
			{ apiUrl: this.apiUrl, credentials: () => this.uploadHeaders(), fetch: this.options.fetch },
			file,
			options,
		);
	}

	/** Closes the outbox and the socket (the durable queue and the caches stay). */
	destroy(): void {
		this.live?.outbox.destroy();
		this.live?.sync.destroy();
	}
}
