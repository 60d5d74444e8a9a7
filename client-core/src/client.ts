import {
	type Command,
	type DefaultMessage,
	DocumentNames,
	type FeatureFlagMutationResponse,
	HEADERS,
	type IdentifyParams,
	type MessagePart,
	type PrincipalKey,
	type PublicVisitor,
	type PublicWebsiteResponse,
	type TimelineItem,
	VISITOR_DOC_KEYS,
	VISITOR_PROFILE_KEYS,
	type VisitorMetadata,
} from "@cossistant/types";
import { createStore, type StoreApi } from "zustand/vanilla";
import { detectPublicKey } from "./config/env.ts";
import { deriveWsUrl, resolveApiUrl } from "./config/server-urls.ts";
import { ContactsApi } from "./contacts/contacts-api.ts";
import { ConversationEnds } from "./conversations/conversation-ends.ts";
import { ConversationList } from "./conversations/conversation-list.ts";
import { ConversationView } from "./conversations/conversation-view.ts";
import { CossistantApiError, CossistantConfigurationError } from "./errors.ts";
import { SupportEventEmitter, toError } from "./events/support-events.ts";
import { RestClient } from "./http/rest-client.ts";
import { VisitorSession } from "./identity/visitor-session.ts";
import { newId } from "./ids/new-id.ts";
import { Outbox } from "./outbox/outbox.ts";
import { defaultOutboxPersistence, type OutboxPersistence } from "./outbox/outbox-persistence.ts";
import { browserEnvironment, type ClientEnvironment } from "./platform/environment.ts";
import { defaultKeyValueStore, type KeyValueStore } from "./platform/key-value-store.ts";
import { closeFailureOf, type SetupContext, setupFailureOf } from "./setup/setup-failure.ts";
import { SupportApi } from "./support/support-api.ts";
import type {
	FeatureFlagName,
	OnboardingMetadataOf,
	OnboardingStepId,
	SupportConfig,
} from "./support-config.ts";
import { type DocCache, defaultDocCache } from "./sync/doc-cache.ts";
import type { DocPreloads } from "./sync/doc-preloads.ts";
import { SyncConnection } from "./sync/sync-connection.ts";
import { type UploadedPart, type UploadFileOptions, uploadFile } from "./uploads/upload-file.ts";

/** Options of `new CossistantClient(…)`. */
export interface CossistantClientOptions {
	/**
	 * REST base URL. Auto-detected from `VITE_COSSISTANT_API_URL`, `NEXT_PUBLIC_COSSISTANT_API_URL`
	 * or `COSSISTANT_API_URL` when omitted. @default "http://localhost:4000/v1"
	 */
	apiUrl?: string;
	/** WebSocket URL. @default derived from apiUrl (`http` → `ws`, `https` → `wss`, `…/v1` → `…/ws`) */
	wsUrl?: string;
	/** Public key (`pk_…`). Auto-detected from VITE_/NEXT_PUBLIC_/COSSISTANT_API_KEY when omitted. */
	publicKey?: string;
	/** Private key (`sk_…`) for server-side calls such as `mutateSupportFeatureFlags`. Never in a browser. */
	apiKey?: string;
	/** Typed feature flags and onboarding steps from `createSupport()`. */
	support?: SupportConfig;
	/** Where the visitor identity is kept. @default localStorage, memory on servers */
	storage?: KeyValueStore;
	/** Online / visibility signals. @default window and document events when present */
	environment?: ClientEnvironment;
	/** Cache of shared documents. @default IndexedDB in browsers, memory elsewhere */
	docCache?: DocCache;
	/** Durable queue of commands. @default IndexedDB in browsers, memory elsewhere */
	outboxPersistence?: OutboxPersistence;
	fetch?: typeof fetch;
	/** WebSocket class for runtimes without a global one. */
	WebSocketPolyfill?: unknown;
}

/** The visitor and website as the widget knows them. */
export interface VisitorState {
	website: PublicWebsiteResponse | null;
	visitor: PublicVisitor | null;
	/** true when the last bootstrap could not reach the server and used the stored one. */
	offline: boolean;
	/**
	 * Set when the server refused this configuration for good (unknown or revoked key, origin
	 * not allowed, `apiUrl` not a Cossistant API): the client stopped retrying and connecting;
	 * the message says what to fix. See `CossistantConfigurationError.code`.
	 */
	configurationError: CossistantConfigurationError | null;
}

/** Options of `startConversation`. */
export interface StartConversationOptions {
	/** Welcome messages shown before the conversation existed; stored as its first items. */
	defaultMessages?: DefaultMessage[];
	/** The visitor's first message (text or parts). */
	initialMessage?: string | MessagePart[];
	title?: string;
}

const SEEN_THROTTLE_MS = 2_000;

/**
 * The framework-free Cossistant client: one per widget (never a module-level singleton).
 *
 * It bootstraps the visitor, keeps one multiplexed WebSocket for all documents, caches shared
 * documents for instant offline opening, and routes every change through the durable outbox.
 *
 * @example
 * const client = new CossistantClient({ apiUrl: "http://localhost:4000/v1", publicKey: "pk_test_…" });
 * await client.fetchWebsite();
 * const conversationId = await client.startConversation({ initialMessage: "Hello!" });
 */
export class CossistantClient {
	readonly events = new SupportEventEmitter();
	readonly visitorState: StoreApi<VisitorState>;
	readonly support: SupportApi;
	readonly contacts: ContactsApi;
	readonly rest: RestClient;
	private readonly options: CossistantClientOptions;
	private readonly publicKey: string | undefined;
	private readonly apiUrl: string;
	private readonly wsUrl: string;
	private readonly session: VisitorSession | null;
	private readonly storage: KeyValueStore;
	private sync: SyncConnection | null = null;
	private outboxInstance: Outbox | null = null;
	private list: ConversationList | null = null;
	private readonly views = new Map<string, ConversationView>();
	private readonly lastSeenSent = new Map<string, number>();
	private readonly cleanups: Array<() => void> = [];
	private readonly environment: ClientEnvironment;
	private readonly visibleConversations = new Map<string, () => void>();
	private readonly seenTimers = new Map<string, ReturnType<typeof setTimeout>>();
	private bootstrapping: Promise<PublicWebsiteResponse> | null = null;
	private failure: CossistantConfigurationError | null = null;
	/**
	 * @internal Cached copies `preloadConversation(client, id)` started loading (none unless it is
	 * called: it is a function of its own, so hosts that never preload do not ship it).
	 */
	preloads?: DocPreloads;
	private destroyed = false;

	constructor(options: CossistantClientOptions = {}) {
		this.options = options;
		this.environment = options.environment ?? browserEnvironment();
		const apiUrl = resolveApiUrl(options.apiUrl);
		this.apiUrl = apiUrl;
		this.wsUrl = options.wsUrl || deriveWsUrl(apiUrl);
		this.publicKey = options.publicKey ?? (options.apiKey ? undefined : detectPublicKey());
		if (!this.publicKey && !options.apiKey) {
			throw new CossistantConfigurationError(
				"Cossistant: no public key. Pass `publicKey`, or set VITE_COSSISTANT_API_KEY (Vite), NEXT_PUBLIC_COSSISTANT_API_KEY (Next.js) or COSSISTANT_API_KEY.",
				"missing_public_key",
			);
		}
		if (this.publicKey && !/^pk_(test|live)_/.test(this.publicKey)) {
			throw new CossistantConfigurationError(
				"Cossistant: `publicKey` must start with pk_test_ or pk_live_ (private sk_ keys never belong in a browser).",
				"invalid_api_key",
			);
		}
		this.rest = new RestClient({
			apiUrl,
			publicKey: this.publicKey,
			apiKey: options.apiKey,
			fetch: options.fetch,
		});
		// One store for the visitor identity and the metadata hash (one localStorage probe).
		const storage = options.storage ?? defaultKeyValueStore();
		this.storage = storage;
		this.session = this.publicKey ? new VisitorSession(this.rest, storage, this.publicKey) : null;
		this.visitorState = createStore<VisitorState>(() => ({
			website: null,
			visitor: null,
			offline: false,
			configurationError: null,
		}));
		this.contacts = new ContactsApi({
			rest: this.rest,
			storage,
			visitorToken: () => this.session?.token ?? null,
			visitorId: () => this.session?.visitorId ?? null,
			enqueue: (command) => this.enqueue(command),
			visitor: () => this.visitorState.getState().visitor,
			onVisitor: (visitor) => this.visitorState.setState({ visitor }),
		});
		this.support = new SupportApi({
			config: options.support,
			rest: this.rest,
			enqueue: (command) => this.enqueue(command),
			visitorToken: () => this.session?.token ?? null,
			onError: (error, context) => this.events.emitError(error, context),
		});
	}

	/** The durable outbox (available after `fetchWebsite()`). */
	get outbox(): Outbox {
		if (!this.outboxInstance) throw new CossistantConfigurationError("Call fetchWebsite() first.");
		return this.outboxInstance;
	}

	/** The visitor's conversations (available after `fetchWebsite()`). */
	get conversations(): ConversationList {
		if (!this.list) throw new CossistantConfigurationError("Call fetchWebsite() first.");
		return this.list;
	}

	/** Connection status store (available after `fetchWebsite()`). */
	get connection(): SyncConnection {
		if (!this.sync) throw new CossistantConfigurationError("Call fetchWebsite() first.");
		return this.sync;
	}

	/**
	 * Bootstraps the visitor (`GET /v1/websites`: creates or resumes it, stores its token) and
	 * connects. Safe to call repeatedly; concurrent calls share one request. Rejects with a
	 * CossistantConfigurationError when the server refused the configuration for good (see
	 * `VisitorState.configurationError`), from then on without a request.
	 */
	fetchWebsite(): Promise<PublicWebsiteResponse> {
		if (this.failure) return Promise.reject(this.failure);
		this.bootstrapping ??= this.bootstrap().finally(() => {
			this.bootstrapping = null;
		});
		return this.bootstrapping;
	}

	/**
	 * Starts a conversation (works offline). Resolves with its id once the command is durably
	 * queued; the conversation shows as pending until the server applies it.
	 */
	async startConversation(options: StartConversationOptions = {}): Promise<string> {
		const conversationId = newId();
		const initialParts = toParts(options.initialMessage);
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
		if (command.initialMessage) {
			this.events.emitMessageSent(
				conversationId,
				this.localItem(conversationId, command.initialMessage),
			);
		}
		return conversationId;
	}

	/** Sends a message (works offline). Resolves with the item id once durably queued. */
	async sendMessage(conversationId: string, message: string | MessagePart[]): Promise<string> {
		const parts = toParts(message);
		if (!parts) throw new CossistantConfigurationError("A message needs text or parts.");
		const itemId = newId();
		await this.enqueue({ id: newId(), type: "message.send", conversationId, itemId, parts });
		this.events.emitMessageSent(conversationId, this.localItem(conversationId, { itemId, parts }));
		return itemId;
	}

	/**
	 * Uploads an image or file as this visitor and resolves with the `image` / `file` part to pass
	 * to `sendMessage`. Needs the network (uploads are not queued offline); a refused file rejects
	 * with a CossistantApiError carrying the server's code. See `uploads/upload-file.ts`.
	 */
	uploadFile(file: Blob, options: UploadFileOptions = {}): Promise<UploadedPart> {
		// Read per attempt: a retry after renewing an expired token carries the fresh one.
		const credentials = async () => {
			if (!this.session?.token) await this.fetchWebsite();
			const token = this.session?.token;
			if (!this.publicKey || !token) {
				throw new CossistantConfigurationError("Uploads need a public key and a visitor.");
			}
			return { [HEADERS.publicKey]: this.publicKey, [HEADERS.visitorToken]: token };
		};
		return this.renewingExpiredToken(() =>
			uploadFile({ apiUrl: this.apiUrl, credentials, fetch: this.options.fetch }, file, options),
		);
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
		return { visitorId, connected: !!this.sync, cache: this.docCache() };
	}

	/** A live view of one conversation (timeline ⊕ pending, unread, typing). */
	conversation(conversationId: string): ConversationView {
		const existing = this.views.get(conversationId);
		if (existing) return existing;
		const visitorId = this.requireVisitorId();
		const summary = this.list?.get(conversationId);
		const view = new ConversationView({
			conversationId,
			connection: this.connection,
			outbox: this.outbox,
			principal: `visitor:${visitorId}`,
			self: { visitorId },
			apiUrl: this.apiUrl,
			onInvalidItem: (_raw, reason) =>
				this.events.emitError(
					new Error(`Invalid timeline item: ${reason}`),
					"invalid_timeline_item",
				),
			onNewItems: (items) => this.announce(conversationId, items, visitorId),
			startedHere: summary?.pending === true,
		});
		this.views.set(conversationId, view);
		if (summary?.pending === false) view.attach();
		return view;
	}

	/** Marks the conversation seen now (throttled; skipped when nothing is unread). */
	async markSeen(conversationId: string, { force = false } = {}): Promise<void> {
		const view = this.views.get(conversationId);
		if (!force && view && view.state.getState().unreadCount === 0) return;
		const last = this.lastSeenSent.get(conversationId) ?? 0;
		if (!force && Date.now() - last < SEEN_THROTTLE_MS) return;
		this.lastSeenSent.set(conversationId, Date.now());
		await this.enqueue({ id: newId(), type: "conversation.markSeen", conversationId });
	}

	/**
	 * Marks the conversation seen automatically while it is on screen: whenever it has unread
	 * messages and the page is visible (throttled, with a trailing mark so none is missed).
	 * Call with `false` when it leaves the screen.
	 */
	setConversationVisible(conversationId: string, visible: boolean): void {
		this.visibleConversations.get(conversationId)?.();
		this.visibleConversations.delete(conversationId);
		if (!visible) return;
		const view = this.conversation(conversationId);
		const check = () => {
			if (view.state.getState().unreadCount > 0 && this.environment.isVisible())
				this.scheduleSeen(conversationId);
		};
		const unsubscribe = view.state.subscribe(check);
		const stopWake = this.environment.onWake(check);
		this.visibleConversations.set(conversationId, () => {
			unsubscribe();
			stopWake();
		});
		check();
	}

	/** Publishes whether the visitor is typing in a conversation (expires by itself). */
	setTyping(conversationId: string, isTyping: boolean): void {
		this.views.get(conversationId)?.setTyping(isTyping);
	}

	/** `GET /v1/support/state` (docs: Support State). */
	fetchSupportState() {
		return this.renewingExpiredToken(() => this.support.fetchSupportState());
	}

	/** Whether a feature flag is enabled for this visitor. */
	isFeatureFlagEnabled(flag: FeatureFlagName): boolean {
		return this.support.isFeatureFlagEnabled(flag);
	}

	/** Replaces an onboarding step's metadata (`null` clears it); optimistic. */
	setOnboardingMetadata<S extends OnboardingStepId>(
		step: S,
		metadata: OnboardingMetadataOf<S> | null,
	): Promise<void> {
		return this.support.setOnboardingMetadata(step, metadata);
	}

	/** Completes an onboarding step; optimistic. */
	completeOnboardingStep(step: OnboardingStepId): Promise<void> {
		return this.support.completeOnboardingStep(step);
	}

	/** Changes feature flags with the private key (server-side only). */
	mutateSupportFeatureFlags(
		mutation: Parameters<SupportApi["mutateSupportFeatureFlags"]>[0],
	): Promise<FeatureFlagMutationResponse> {
		return this.support.mutateSupportFeatureFlags(mutation);
	}

	/** Links the visitor to a contact (docs: Contacts → identify). */
	identify(params: IdentifyParams) {
		return this.renewingExpiredToken(() => this.contacts.identify(params));
	}

	/**
	 * Replaces the contact's metadata (after `identify()`). Resolves `true` once queued, `false`
	 * when unchanged (no request); rejects with a CossistantConfigurationError
	 * `visitor_not_identified` before `identify()` (see ContactsApi.setVisitorMetadata).
	 */
	async setVisitorMetadata(metadata: VisitorMetadata): Promise<boolean> {
		if (!this.visitorState.getState().visitor) await this.fetchWebsite();
		return this.contacts.setVisitorMetadata(metadata);
	}

	private scheduleSeen(conversationId: string): void {
		if (this.seenTimers.has(conversationId)) return;
		const wait = SEEN_THROTTLE_MS - (Date.now() - (this.lastSeenSent.get(conversationId) ?? 0));
		const mark = () => {
			this.seenTimers.delete(conversationId);
			// Timers count from the event loop's cached time, so on a busy page one can fire a
			// little before `wait` has passed by `Date.now()`: markSeen would then skip it as
			// throttled and the trailing mark would be lost. Wait out the rest instead.
			const rest = SEEN_THROTTLE_MS - (Date.now() - (this.lastSeenSent.get(conversationId) ?? 0));
			if (rest > 0) {
				this.seenTimers.set(conversationId, setTimeout(mark, rest));
				return;
			}
			void this.markSeen(conversationId).catch((error) =>
				this.events.emitError(toError(error), "mark_seen_failed"),
			);
		};
		if (wait <= 0) {
			mark();
			return;
		}
		this.seenTimers.set(conversationId, setTimeout(mark, wait));
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
		for (const stop of this.visibleConversations.values()) stop();
		for (const timer of this.seenTimers.values()) clearTimeout(timer);
		for (const view of this.views.values()) view.destroy();
		this.views.clear();
		this.list?.destroy();
		this.outboxInstance?.destroy();
		this.sync?.destroy();
		this.preloads?.destroy();
		this.options.outboxPersistence?.close();
		this.events.clear();
	}

	/** Queues any command through the durable outbox (after bootstrapping if needed). */
	async enqueue(command: Command): Promise<void> {
		if (!this.outboxInstance) await this.fetchWebsite();
		await this.outbox.enqueue(command);
	}

	/**
	 * Runs a REST request made with the stored visitor token. When the server says the token
	 * expired, the bootstrap renews it (the same visitor, while the server still allows renewal)
	 * and the request runs once more with the fresh one. If the bootstrap had to start a new
	 * visitor instead, the request is not repeated on that stranger's behalf: the error stands.
	 */
	private async renewingExpiredToken<T>(request: () => Promise<T>): Promise<T> {
		try {
			return await request();
		} catch (error) {
			if (!(error instanceof CossistantApiError) || error.code !== "visitor_token_expired") {
				throw error;
			}
			const visitorId = this.session?.visitorId;
			await this.fetchWebsite();
			if (!visitorId || this.session?.visitorId !== visitorId) throw error;
			return request();
		}
	}

	private async bootstrap(): Promise<PublicWebsiteResponse> {
		if (!this.session)
			throw new CossistantConfigurationError("A public key is required to bootstrap a visitor.");
		let result: Awaited<ReturnType<VisitorSession["bootstrap"]>>;
		try {
			result = await this.session.bootstrap();
		} catch (error) {
			const failure = setupFailureOf(error, this.setupContext());
			if (!failure) throw error;
			this.fail(failure);
			throw failure;
		}
		const { response, offline } = result;
		if (this.destroyed) return response.website;
		this.visitorState.setState({ website: response.website, visitor: response.visitor, offline });
		if (!this.sync) this.connect(response.visitor.id, response.website.id, response.visitorToken);
		else if (this.sync.token !== response.visitorToken) this.sync.setToken(response.visitorToken);
		return response.website;
	}

	private connect(visitorId: string, websiteId: string, token: string): void {
		const principal: PrincipalKey = `visitor:${visitorId}`;
		this.sync = new SyncConnection({
			wsUrl: this.wsUrl,
			publicKey: this.publicKey,
			token,
			environment: this.environment,
			cache: this.docCache(),
			takePreloaded: (name) => this.preloads?.take(name),
			WebSocketPolyfill: this.options.WebSocketPolyfill,
			// The token was refused: expired (`visitor_token_expired`: the bootstrap renews it for the
			// same visitor, whose queued commands then go out) or invalid (e.g. the visitor was
			// deleted: recover a fresh identity).
			onUnauthorized: () =>
				void this.fetchWebsite().catch((error) =>
					this.events.emitError(toError(error), "visitor_recovery_failed"),
				),
			// A refused key or origin: reconnecting cannot help, so the connection stops for good.
			onRefusal: ({ code, reason }) => {
				const failure = closeFailureOf(code, reason, this.setupContext());
				if (failure) this.fail(failure);
				return failure !== null;
			},
			onDocumentRefused: (name, reason) =>
				this.events.emitError(
					new Error(`Access to ${name} refused: ${reason}`),
					"document_refused",
				),
		});
		// Started offline: refresh the website and visitor once the connection is back.
		this.cleanups.push(
			this.sync.state.subscribe(({ status }) => {
				if (status === "connected" && this.visitorState.getState().offline) {
					void this.fetchWebsite().catch((error) =>
						this.events.emitError(toError(error), "bootstrap_failed"),
					);
				}
			}),
		);
		const persistence = this.options.outboxPersistence ?? defaultOutboxPersistence();
		this.outboxInstance = new Outbox(principal, this.sync, persistence);
		this.cleanups.push(
			this.outboxInstance.addListener({
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
		this.list = new ConversationList(
			this.outboxInstance,
			{ visitorId, websiteId },
			(_raw, reason) =>
				this.events.emitError(new Error(`Invalid conversation: ${reason}`), "invalid_conversation"),
		);
		// Each conversation's status (the `meta` the server mirrors into the visitor document)
		// tells when it ended, even when the `resolved` item came while this client was away.
		const ends = new ConversationEnds(this.storage, visitorId, (conversationId) =>
			this.events.emitConversationEnd(conversationId),
		);
		// Attach views whose conversation now exists on the server.
		this.cleanups.push(
			this.list.state.subscribe(({ conversations }) => {
				for (const conversation of conversations) {
					if (!conversation.pending) this.views.get(conversation.id)?.attach();
				}
				ends.observe(conversations);
			}),
		);
		const visitorDoc = this.sync.open(DocumentNames.visitor(visitorId));
		this.preloads?.visitorOpened();
		const follow = (doc: typeof visitorDoc.doc) => {
			this.list?.follow(doc);
			const profile = doc.getMap<unknown>(VISITOR_DOC_KEYS.profile);
			const onProfile = () => {
				this.support.receive(profile.get(VISITOR_PROFILE_KEYS.supportState));
				const visitor = profile.get(VISITOR_PROFILE_KEYS.visitor) as PublicVisitor | undefined;
				if (visitor?.id === visitorId) this.visitorState.setState({ visitor });
			};
			profile.observe(onProfile);
			onProfile();
			this.cleanups.push(() => profile.unobserve(onProfile));
		};
		follow(visitorDoc.doc);
		this.cleanups.push(visitorDoc.onReplaced(follow));
		void this.outboxInstance
			.restore()
			.catch((error) => this.events.emitError(toError(error), "outbox_restore_failed"));
	}

	/**
	 * Stops for good after a permanent refusal: no more bootstraps or reconnections (a page
	 * reload starts over), one `error` event with context `configuration_error`.
	 */
	private fail(failure: CossistantConfigurationError): void {
		if (this.failure || this.destroyed) return;
		this.failure = failure;
		this.sync?.stop();
		this.visitorState.setState({ configurationError: failure });
		this.events.emitError(failure, "configuration_error");
	}

	private setupContext(): SetupContext {
		const origin = typeof location === "undefined" ? undefined : location.origin;
		return { apiUrl: this.apiUrl, publicKey: this.publicKey, origin };
	}

	/** New items of an open conversation: agents' messages are `messageReceived`. */
	private announce(conversationId: string, items: TimelineItem[], visitorId: string): void {
		for (const item of items) {
			if (item.type === "message" && item.visitorId !== visitorId && item.visibility === "public") {
				this.events.emitMessageReceived(conversationId, item);
			}
		}
	}

	private localItem(
		conversationId: string,
		message: { itemId: string; parts: MessagePart[] },
	): TimelineItem {
		const now = new Date().toISOString();
		return {
			id: message.itemId,
			conversationId,
			seq: Number.MAX_SAFE_INTEGER,
			type: "message",
			parts: message.parts,
			visibility: "public",
			visitorId: this.session?.visitorId ?? null,
			userId: null,
			aiAgentId: null,
			createdAt: now,
			updatedAt: now,
		};
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

function toParts(message: string | MessagePart[] | undefined): MessagePart[] | null {
	if (message === undefined) return null;
	if (typeof message === "string") return message.trim() ? [{ type: "text", text: message }] : null;
	return message.length > 0 ? message : null;
}
