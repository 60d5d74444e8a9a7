import type { Command, MessagePart, WebsiteBootstrapResponse } from "@cossistant/types";
import type {
	CossistantClientOptions,
	StartConversationOptions,
	VisitorState,
} from "./client-options.ts";
import { type ConnectedPrincipal, PrincipalConnection } from "./connection/principal-connection.ts";
import type { ConversationList } from "./conversations/conversation-list.ts";
import type { ConversationView } from "./conversations/conversation-view.ts";
import { hasContent, type MessageInput, toParts } from "./conversations/message-parts.ts";
import { pendingItem } from "./conversations/pending-item.ts";
import { SeenScheduler } from "./conversations/seen-scheduler.ts";
import { CossistantConfigurationError } from "./errors.ts";
import { toError } from "./events/support-events.ts";
import { newId } from "./ids/new-id.ts";
import type { Outbox } from "./outbox/outbox.ts";
import { defaultOutboxPersistence } from "./outbox/outbox-persistence.ts";
import { browserEnvironment } from "./platform/environment.ts";
import { type DocCache, defaultDocCache } from "./sync/doc-cache.ts";
import type { DocPreloads } from "./sync/doc-preloads.ts";
import type { SyncConnection } from "./sync/sync-connection.ts";
import type { UploadedPart, UploadFileOptions } from "./uploads/upload-file.ts";
import { VisitorAccount } from "./visitor/visitor-account.ts";
import { VisitorDocument } from "./visitor/visitor-document.ts";
import { VisitorViews } from "./visitor/visitor-views.ts";

export type { CossistantClientOptions, StartConversationOptions, VisitorState };

/**
 * The framework-free Cossistant client: one per widget (never a module-level singleton).
 *
 * It bootstraps the visitor, keeps one multiplexed WebSocket for all documents, caches shared
 * documents for instant offline opening, and routes every change through the durable outbox.
 * The parts live in their own modules; this class wires them together for one visitor.
 *
 * @example
 * const client = new CossistantClient({ apiUrl: "http://localhost:4000/v1", publicKey: "pk_test_…" });
 * await client.fetchWebsite();
 * const conversationId = await client.startConversation({ initialMessage: "Hello!" });
 */
export class CossistantClient extends VisitorAccount {
	private readonly options: CossistantClientOptions;
	private readonly link: PrincipalConnection;
	private readonly views: VisitorViews;
	private readonly seen: SeenScheduler;
	private document: VisitorDocument | null = null;
	private readonly cleanups: Array<() => void> = [];
	/**
	 * @internal Cached copies `preloadConversation(client, id)` started loading (none unless it is
	 * called: it is a function of its own, so hosts that never preload do not ship it).
	 */
	preloads?: DocPreloads;

	constructor(options: CossistantClientOptions = {}) {
		super(options);
		this.options = options;
		const environment = options.environment ?? browserEnvironment();
		this.link = new PrincipalConnection({
			apiUrl: this.apiUrl,
			wsUrl: options.wsUrl,
			publicKey: this.publicKey,
			environment,
			fetch: options.fetch,
			WebSocketPolyfill: options.WebSocketPolyfill,
			uploadToken: () => this.uploadToken(),
		});
		this.views = new VisitorViews({ events: this.events, apiUrl: this.apiUrl });
		this.seen = new SeenScheduler({
			environment,
			find: (conversationId) => this.views.get(conversationId),
			open: (conversationId) => this.conversation(conversationId),
			send: (conversationId) =>
				this.enqueue({ id: newId(), type: "conversation.markSeen", conversationId }),
			onError: (error) => this.events.emitError(toError(error), "mark_seen_failed"),
		});
	}

	/** The durable outbox (available after `fetchWebsite()`). */
	get outbox(): Outbox {
		return this.live().outbox;
	}

	/** The visitor's conversations (available after `fetchWebsite()`). */
	get conversations(): ConversationList {
		if (!this.document) throw new CossistantConfigurationError("Call fetchWebsite() first.");
		return this.document.list;
	}

	/** Connection status store (available after `fetchWebsite()`). */
	get connection(): SyncConnection {
		return this.live().sync;
	}

	/**
	 * Starts a conversation (works offline). Resolves with its id once the command is durably
	 * queued; the conversation shows as pending until the server applies it.
	 */
	async startConversation(options: StartConversationOptions = {}): Promise<string> {
		const conversationId = newId();
		const { initialMessage } = options;
		const initialParts = hasContent(initialMessage) ? toParts(initialMessage) : null;
		const command: Command = {
			id: newId(),
			type: "conversation.start",
			conversationId,
			...(options.title ? { title: options.title } : {}),
			...(options.defaultMessages?.length ? { defaultMessages: options.defaultMessages } : {}),
			...(initialParts ? { initialMessage: { itemId: newId(), parts: initialParts } } : {}),
		};
		await this.enqueue(command);
		this.events.emitConversationStart(conversationId);
		if (command.initialMessage) this.announceSent(conversationId, command.initialMessage);
		return conversationId;
	}

	/**
	 * Sends a message (works offline). Resolves with the item id once durably queued; rejects
	 * with a CossistantConfigurationError for blank text or no parts (see toParts).
	 */
	async sendMessage(conversationId: string, message: MessageInput): Promise<string> {
		const parts = toParts(message);
		const itemId = newId();
		await this.enqueue({ id: newId(), type: "message.send", conversationId, itemId, parts });
		this.announceSent(conversationId, { itemId, parts });
		return itemId;
	}

	/**
	 * Uploads an image or file as this visitor and resolves with the `image` / `file` part to pass
	 * to `sendMessage`. Needs the network (uploads are not queued offline); a refused file rejects
	 * with a CossistantApiError carrying the server's code. See `uploads/upload-file.ts`.
	 */
	uploadFile(file: Blob, options: UploadFileOptions = {}): Promise<UploadedPart> {
		return this.bootstrap.renewingExpiredToken(() => this.link.uploadFile(file, options));
	}

	/**
	 * @internal What `preloadConversation` needs: the stored visitor, whether its document is open
	 * already, and the cache; undefined when preloading cannot help (destroyed, no stored visitor:
	 * nothing of theirs can be cached, or the conversation is open).
	 */
	preloadTarget(
		conversationId: string,
	): { visitorId: string; connected: boolean; cache: DocCache } | undefined {
		const visitorId = this.session?.visitorId;
		if (this.destroyed || !visitorId || this.views.get(conversationId)?.doc) return;
		return { visitorId, connected: !!this.link.connected, cache: this.docCache() };
	}

	/** A live view of one conversation (timeline ⊕ pending, unread, typing). */
	conversation(conversationId: string): ConversationView {
		return (
			this.views.get(conversationId) ??
			this.views.open(conversationId, {
				visitorId: this.requireVisitorId(),
				summary: this.document?.list.get(conversationId),
				connected: this.live(),
			})
		);
	}

	/** Marks the conversation seen now (throttled; skipped when nothing is unread). */
	markSeen(conversationId: string, options: { force?: boolean } = {}): Promise<void> {
		return this.seen.markSeen(conversationId, options);
	}

	/**
	 * Marks the conversation seen automatically while it is on screen: whenever it has unread
	 * messages and the page is visible (throttled, with a trailing mark so none is missed).
	 * Call with `false` when it leaves the screen.
	 */
	setConversationVisible(conversationId: string, visible: boolean): void {
		this.seen.setVisible(conversationId, visible);
	}

	/** Publishes whether the visitor is typing in a conversation (expires by itself). */
	setTyping(conversationId: string, isTyping: boolean): void {
		this.views.get(conversationId)?.setTyping(isTyping);
	}

	/** Sends a failed command again. */
	retry(commandId: string): Promise<string | null> {
		return this.outbox.retry(commandId);
	}

	/** Forgets a failed command. */
	discard(commandId: string): Promise<void> {
		return this.outbox.discard(commandId);
	}

	/** Releases sockets, timers, stores and IndexedDB handles. */
	destroy(): void {
		this.destroyed = true;
		for (const cleanup of this.cleanups) cleanup();
		this.seen.destroy();
		this.views.destroy();
		this.document?.destroy();
		this.link.destroy();
		this.preloads?.destroy();
		this.options.outboxPersistence?.close();
		this.events.clear();
	}

	/** Queues any command through the durable outbox (after bootstrapping if needed). */
	override async enqueue(command: Command): Promise<void> {
		if (!this.link.connected) await this.fetchWebsite();
		await this.outbox.enqueue(command);
	}

	/** Connects after the first bootstrap; later ones hand the socket a renewed token. */
	protected onBootstrapped(response: WebsiteBootstrapResponse): void {
		const sync = this.link.connected?.sync;
		if (!sync) this.connect(response.visitor.id, response.website.id, response.visitorToken);
		else if (sync.token !== response.visitorToken) sync.setToken(response.visitorToken);
	}

	/** A refused configuration stops the socket for good (see VisitorBootstrap). */
	protected onConfigurationRefused(): void {
		this.link.connected?.sync.stop();
	}

	private connect(visitorId: string, websiteId: string, token: string): void {
		const connected = this.link.connect({
			principal: `visitor:${visitorId}`,
			token,
			cache: this.docCache(),
			persistence: this.options.outboxPersistence ?? defaultOutboxPersistence(),
			takePreloaded: (name) => this.preloads?.take(name),
			// The token was refused: expired (`visitor_token_expired`: the bootstrap renews it for the
			// same visitor, whose queued commands then go out) or invalid (e.g. the visitor was
			// deleted: recover a fresh identity).
			onUnauthorized: () =>
				void this.fetchWebsite().catch((error) =>
					this.events.emitError(toError(error), "visitor_recovery_failed"),
				),
			// A refused key or origin: reconnecting cannot help, so the connection stops for good.
			onRefusal: (close) => this.bootstrap.refusedForGood(close),
			onDocumentRefused: (name, reason) =>
				this.events.emitError(
					new Error(`Access to ${name} refused: ${reason}`),
					"document_refused",
				),
		});
		this.cleanups.push(this.bootstrap.refreshWhenConnected(connected.sync));
		this.cleanups.push(
			connected.outbox.addListener({
				onApplied: (command) => void this.contacts.settled(command, true),
				onRejected: (command, failure) => {
					void this.contacts.settled(command, false);
					this.events.emitError(
						new Error(`${command.type} rejected: ${failure.reason}`),
						"command_rejected",
					);
				},
			}),
		);
		this.document = new VisitorDocument({
			connected,
			visitorId,
			websiteId,
			storage: this.storage,
			events: this.events,
			support: this.support,
			state: this.visitorState,
			onConversations: (conversations) => this.views.attach(conversations),
			onOpened: () => this.preloads?.visitorOpened(),
		});
		void connected.outbox
			.restore()
			.catch((error) => this.events.emitError(toError(error), "outbox_restore_failed"));
	}

	/** `messageSent` with the message as it will appear once the server applies it. */
	private announceSent(conversationId: string, message: { itemId: string; parts: MessagePart[] }) {
		const item = pendingItem({
			...message,
			conversationId,
			visibility: "public",
			author: { visitorId: this.session?.visitorId },
			queuedAt: Date.now(),
		});
		this.events.emitMessageSent(conversationId, item);
	}

	private live(): ConnectedPrincipal {
		const connected = this.link.connected;
		if (!connected) throw new CossistantConfigurationError("Call fetchWebsite() first.");
		return connected;
	}

	private docCache(): DocCache {
		return this.options.docCache ?? defaultDocCache();
	}

	private requireVisitorId(): string {
		const id = this.visitorState.getState().visitor?.id;
		if (!id) throw new CossistantConfigurationError("Call fetchWebsite() first.");
		return id;
	}
}
