import {
	type Command,
	type ConversationPriority,
	type ConversationStatus,
	DocumentNames,
} from "@cossistant/types";
import { PrincipalConnection } from "../connection/principal-connection.ts";
import { type MessageInput, toParts } from "../conversations/message-parts.ts";
import { newId } from "../ids/new-id.ts";
import type { Outbox } from "../outbox/outbox.ts";
import { defaultOutboxPersistence, type OutboxPersistence } from "../outbox/outbox-persistence.ts";
import { browserEnvironment, type ClientEnvironment } from "../platform/environment.ts";
import { defaultKeyValueStore, type KeyValueStore } from "../platform/key-value-store.ts";
import { type DocCache, defaultDocCache } from "../sync/doc-cache.ts";
import { installShortStringDecoding } from "../sync/string-decoding.ts";
import type { SyncConnection } from "../sync/sync-connection.ts";
import type { UploadedPart, UploadFileOptions } from "../uploads/upload-file.ts";
import { AgentConversation } from "./agent-conversation.ts";
import { AgentInbox } from "./agent-inbox.ts";
import type { StoredAgentSession } from "./agent-session.ts";
import { ReadMarkers } from "./read-markers.ts";
import { SnapshotStore } from "./snapshot-store.ts";

/** localStorage prefixes of the start-up snapshots (cleared with the device's data on logout). */
export const INBOX_SNAPSHOT_PREFIX = "cossistant:agent-snapshot:inbox:";
export const CONVERSATION_SNAPSHOT_PREFIX = "cossistant:agent-snapshot:conversation:";

/** Options of `new AgentClient(…)`. */
export interface AgentClientOptions {
	/** REST base, e.g. `https://support.example.com/v1`. */
	apiUrl: string;
	/** WebSocket URL. @default derived from apiUrl (`…/v1` → `…/ws`) */
	wsUrl?: string;
	/** The logged-in agent (from {@link AgentSession}). */
	session: StoredAgentSession;
	/** The website whose inbox to follow. @default the session's first website */
	websiteId?: string;
	/** Read markers live here. @default localStorage, memory elsewhere */
	storage?: KeyValueStore;
	/** @default IndexedDB in browsers, memory elsewhere */
	docCache?: DocCache;
	/** @default IndexedDB in browsers, memory elsewhere */
	outboxPersistence?: OutboxPersistence;
	environment?: ClientEnvironment;
	fetch?: typeof fetch;
	WebSocketPolyfill?: unknown;
	/** The server refused the session on the socket (expired, logged out elsewhere). */
	onUnauthorized?: (reason: string) => void;
	/** A malformed summary or item from the server (skipped). */
	onInvalid?: (raw: unknown, reason: string) => void;
}

/**
 * The framework-free agent client behind the dashboard: one WebSocket authenticated with the
 * session token, the website's inbox document, conversation views that include internal
 * notes, and every action as a command in the agent's durable outbox (`outbox/user:<id>`),
 * the same path the widget writes through. Everything works offline: documents open from the
 * IndexedDB cache, commands wait in IndexedDB and are applied exactly once on reconnect.
 *
 * @example
 * const session = new AgentSession({ apiUrl });
 * await session.login(email, password);
 * const agent = new AgentClient({ apiUrl, session: session.current! });
 * agent.inbox.state.subscribe(({ conversations }) => render(conversations));
 * await agent.reply(conversationId, "Hello!");
 */
export class AgentClient {
	readonly connection: SyncConnection;
	readonly outbox: Outbox;
	readonly inbox: AgentInbox;
	readonly readMarkers: ReadMarkers;
	readonly websiteId: string;
	readonly userId: string;
	private readonly link: PrincipalConnection;
	private readonly views = new Map<string, { view: AgentConversation; users: number }>();
	private readonly persistence: OutboxPersistence;
	private readonly cleanups: Array<() => void> = [];
	private readonly conversationSnapshots: SnapshotStore;

	constructor(private readonly options: AgentClientOptions) {
		// Before any document loads: an inbox and its conversations' timelines are large (thousands
		// of JSON values), so their cached copies and first syncs decode through it.
		installShortStringDecoding();
		const websiteId = options.websiteId ?? options.session.websiteIds[0];
		if (!websiteId) throw new Error("This agent belongs to no website.");
		this.websiteId = websiteId;
		this.userId = options.session.user.id;
		const token = options.session.token;
		this.link = new PrincipalConnection({
			apiUrl: options.apiUrl,
			wsUrl: options.wsUrl,
			environment: options.environment ?? browserEnvironment(),
			fetch: options.fetch,
			WebSocketPolyfill: options.WebSocketPolyfill,
			uploadToken: async () => token,
		});
		this.persistence = options.outboxPersistence ?? defaultOutboxPersistence();
		const { sync, outbox } = this.link.connect({
			principal: `user:${this.userId}`,
			token,
			cache: options.docCache ?? defaultDocCache(),
			persistence: this.persistence,
			onUnauthorized: options.onUnauthorized,
		});
		this.connection = sync;
		this.outbox = outbox;
		const storage = options.storage ?? defaultKeyValueStore();
		this.readMarkers = new ReadMarkers(storage, this.userId);
		this.conversationSnapshots = new SnapshotStore(storage, CONVERSATION_SNAPSHOT_PREFIX, 30);
		this.inbox = new AgentInbox(
			this.outbox,
			this.readMarkers,
			{ userId: this.userId },
			options.onInvalid,
			{
				store: new SnapshotStore(storage, INBOX_SNAPSHOT_PREFIX, 5),
				key: `${websiteId}:${this.userId}`,
			},
		);
		const inboxDoc = this.connection.open(DocumentNames.inbox(websiteId));
		this.inbox.follow(inboxDoc.doc);
		this.cleanups.push(inboxDoc.onReplaced((doc) => this.inbox.follow(doc)));
		void inboxDoc.whenCached.then(() => {
			// User Timing marks (DevTools, benchmarks): when the cached inbox is in memory.
			globalThis.performance?.mark?.("cossistant:inbox-cached");
			if (inboxDoc.doc.getMap("conversations").size > 0) this.inbox.markLoaded();
			// Offline with an empty cache: there is nothing more to wait for.
			const whenOffline = ({ status }: { status: string }) => {
				if (status === "disconnected") this.inbox.markLoaded();
			};
			whenOffline(this.connection.state.getState());
			this.cleanups.push(this.connection.state.subscribe(whenOffline));
		});
		void inboxDoc.whenSynced.then(() => this.inbox.markLoaded());
		void this.outbox.restore();
	}

	/**
	 * A live view of one conversation (public timeline, internal notes, my pending commands).
	 * Views are shared and counted: call `release(id)` when done with it.
	 */
	conversation(conversationId: string): AgentConversation {
		const existing = this.views.get(conversationId);
		if (existing) {
			existing.users += 1;
			return existing.view;
		}
		const view = new AgentConversation({
			conversationId,
			connection: this.connection,
			outbox: this.outbox,
			userId: this.userId,
			apiUrl: this.link.apiUrl,
			onInvalidItem: this.options.onInvalid,
			snapshot: { store: this.conversationSnapshots, key: `${this.userId}:${conversationId}` },
		});
		this.views.set(conversationId, { view, users: 1 });
		return view;
	}

	/** Releases a view from {@link conversation}; the last release closes its documents. */
	release(conversationId: string): void {
		const entry = this.views.get(conversationId);
		if (!entry) return;
		entry.users -= 1;
		if (entry.users > 0) return;
		this.views.delete(conversationId);
		entry.view.destroy();
	}

	/**
	 * A public reply (text or parts). Resolves with the item id once durably queued; rejects with
	 * a CossistantConfigurationError for blank text or no parts (see toParts).
	 */
	async reply(conversationId: string, message: MessageInput): Promise<string> {
		const itemId = newId();
		await this.enqueue({
			id: newId(),
			type: "message.send",
			conversationId,
			itemId,
			parts: toParts(message),
		});
		return itemId;
	}

	/**
	 * An internal note: stored only in the agents-only document, never sent to the visitor.
	 * Rejects like {@link reply} when there is nothing to send.
	 */
	async addNote(conversationId: string, message: MessageInput): Promise<string> {
		const itemId = newId();
		await this.enqueue({
			id: newId(),
			type: "note.add",
			conversationId,
			itemId,
			parts: toParts(message),
		});
		return itemId;
	}

	/** Changes the conversation's status; optimistic (see applyPendingCommand). */
	setStatus(conversationId: string, status: ConversationStatus): Promise<void> {
		return this.enqueue({ id: newId(), type: "conversation.setStatus", conversationId, status });
	}

	/** Changes the conversation's priority; optimistic. */
	setPriority(conversationId: string, priority: ConversationPriority): Promise<void> {
		return this.enqueue({
			id: newId(),
			type: "conversation.setPriority",
			conversationId,
			priority,
		});
	}

	/** Tags the conversation (a tag it has already changes nothing); optimistic. */
	addTag(conversationId: string, tag: string): Promise<void> {
		return this.enqueue({ id: newId(), type: "conversation.addTag", conversationId, tag });
	}

	/** Removes a tag from the conversation; optimistic. */
	removeTag(conversationId: string, tag: string): Promise<void> {
		return this.enqueue({ id: newId(), type: "conversation.removeTag", conversationId, tag });
	}

	/** Assigns an agent of the website (`userId` defaults to me). */
	assign(conversationId: string, userId = this.userId): Promise<void> {
		return this.enqueue({ id: newId(), type: "conversation.assign", conversationId, userId });
	}

	/** Unassigns an agent (`userId` defaults to me). */
	unassign(conversationId: string, userId = this.userId): Promise<void> {
		return this.enqueue({ id: newId(), type: "conversation.unassign", conversationId, userId });
	}

	/** Joins the conversation as a participant. */
	join(conversationId: string): Promise<void> {
		return this.enqueue({ id: newId(), type: "conversation.join", conversationId });
	}

	/** Leaves the conversation (no longer a participant). */
	leave(conversationId: string): Promise<void> {
		return this.enqueue({ id: newId(), type: "conversation.leave", conversationId });
	}

	/** Blocks the visitor; the event item goes into `conversationId`. */
	blockVisitor(visitorId: string, conversationId?: string): Promise<void> {
		return this.enqueue({
			id: newId(),
			type: "visitor.block",
			visitorId,
			...(conversationId ? { conversationId } : {}),
		});
	}

	/** Unblocks the visitor; the event item goes into `conversationId`. */
	unblockVisitor(visitorId: string, conversationId?: string): Promise<void> {
		return this.enqueue({
			id: newId(),
			type: "visitor.unblock",
			visitorId,
			...(conversationId ? { conversationId } : {}),
		});
	}

	/**
	 * Marks the conversation read: on this device at once (inbox marker), and for everyone (the
	 * visitor's seen receipt) through a `conversation.markSeen` command.
	 */
	async markSeen(conversationId: string, lastItemAt?: string): Promise<void> {
		this.readMarkers.mark(conversationId, lastItemAt ?? new Date().toISOString());
		await this.enqueue({ id: newId(), type: "conversation.markSeen", conversationId });
	}

	/** Publishes whether I am typing in a conversation that is open (expires by itself). */
	setTyping(conversationId: string, isTyping: boolean): void {
		this.views.get(conversationId)?.view.setTyping(isTyping);
	}

	/** Sends a failed command again (new id). */
	retry(commandId: string): Promise<string | null> {
		return this.outbox.retry(commandId);
	}

	/** Forgets a failed or queued command. */
	discard(commandId: string): Promise<void> {
		return this.outbox.discard(commandId);
	}

	/** Uploads a file for a conversation as this agent; resolves with the part to send. */
	uploadFile(file: Blob, options: UploadFileOptions = {}): Promise<UploadedPart> {
		return this.link.uploadFile(file, options);
	}

	/** Queues any command durably (resolves once committed to storage). */
	enqueue(command: Command): Promise<void> {
		return this.outbox.enqueue(command);
	}

	/** Closes sockets, views and storage handles (the caches stay on disk). */
	destroy(): void {
		for (const cleanup of this.cleanups) cleanup();
		for (const { view } of this.views.values()) view.destroy();
		this.views.clear();
		this.inbox.destroy();
		this.link.destroy();
		this.persistence.close();
	}
}
