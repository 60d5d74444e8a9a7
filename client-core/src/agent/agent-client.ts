import {
	type Command,
	type ConversationPriority,
	type ConversationStatus,
	DocumentNames,
	type MessagePart,
	type PrincipalKey,
} from "@cossistant/types";
import { deriveWsUrl } from "../config/server-urls.ts";
import { newId } from "../ids/new-id.ts";
import { Outbox } from "../outbox/outbox.ts";
import { defaultOutboxPersistence, type OutboxPersistence } from "../outbox/outbox-persistence.ts";
import { browserEnvironment, type ClientEnvironment } from "../platform/environment.ts";
import { defaultKeyValueStore, type KeyValueStore } from "../platform/key-value-store.ts";
import { type DocCache, defaultDocCache } from "../sync/doc-cache.ts";
import { SyncConnection } from "../sync/sync-connection.ts";
import { type UploadedPart, type UploadFileOptions, uploadFile } from "../uploads/upload-file.ts";
import { AgentConversation } from "./agent-conversation.ts";
import { AgentInbox } from "./agent-inbox.ts";
import type { StoredAgentSession } from "./agent-session.ts";
import { ReadMarkers } from "./read-markers.ts";
import { SnapshotStore } from "./snapshot-store.ts";

/** localStorage prefixes of the start-up snapshots (cleared with the device's data on logout). */
export const INBOX_SNAPSHOT_PREFIX = "cossistant:agent-snapshot:inbox:";
export const CONVERSATION_SNAPSHOT_PREFIX = "cossistant:agent-snapshot:conversation:";

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
	private readonly apiUrl: string;
	private readonly views = new Map<string, { view: AgentConversation; users: number }>();
	private readonly persistence: OutboxPersistence;
	private readonly cleanups: Array<() => void> = [];
	private readonly conversationSnapshots: SnapshotStore;

	constructor(private readonly options: AgentClientOptions) {
		const apiUrl = options.apiUrl.replace(/\/+$/, "");
		this.apiUrl = apiUrl;
		const wsUrl = options.wsUrl ?? deriveWsUrl(apiUrl);
		const websiteId = options.websiteId ?? options.session.websiteIds[0];
		if (!websiteId) throw new Error("This agent belongs to no website.");
		this.websiteId = websiteId;
		this.userId = options.session.user.id;
		this.connection = new SyncConnection({
			wsUrl,
			token: options.session.token,
			environment: options.environment ?? browserEnvironment(),
			cache: options.docCache ?? defaultDocCache(),
			WebSocketPolyfill: options.WebSocketPolyfill,
			onUnauthorized: options.onUnauthorized,
		});
		this.persistence = options.outboxPersistence ?? defaultOutboxPersistence();
		const principal: PrincipalKey = `user:${this.userId}`;
		this.outbox = new Outbox(principal, this.connection, this.persistence);
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
			apiUrl: this.apiUrl,
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

	/** A public reply (text or parts). Resolves with the item id once durably queued. */
	async reply(conversationId: string, message: string | MessagePart[]): Promise<string> {
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

	/** An internal note: stored only in the agents-only document, never sent to the visitor. */
	async addNote(conversationId: string, message: string | MessagePart[]): Promise<string> {
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

	setStatus(conversationId: string, status: ConversationStatus): Promise<void> {
		return this.enqueue({ id: newId(), type: "conversation.setStatus", conversationId, status });
	}

	setPriority(conversationId: string, priority: ConversationPriority): Promise<void> {
		return this.enqueue({
			id: newId(),
			type: "conversation.setPriority",
			conversationId,
			priority,
		});
	}

	addTag(conversationId: string, tag: string): Promise<void> {
		return this.enqueue({ id: newId(), type: "conversation.addTag", conversationId, tag });
	}

	removeTag(conversationId: string, tag: string): Promise<void> {
		return this.enqueue({ id: newId(), type: "conversation.removeTag", conversationId, tag });
	}

	/** Assigns an agent of the website (`userId` defaults to me). */
	assign(conversationId: string, userId = this.userId): Promise<void> {
		return this.enqueue({ id: newId(), type: "conversation.assign", conversationId, userId });
	}

	unassign(conversationId: string, userId = this.userId): Promise<void> {
		return this.enqueue({ id: newId(), type: "conversation.unassign", conversationId, userId });
	}

	join(conversationId: string): Promise<void> {
		return this.enqueue({ id: newId(), type: "conversation.join", conversationId });
	}

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
		const token = this.options.session.token;
		return uploadFile(
			{
				apiUrl: this.apiUrl,
				credentials: async () => ({ authorization: `Bearer ${token}` }),
				fetch: this.options.fetch,
			},
			file,
			options,
		);
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
		this.outbox.destroy();
		this.connection.destroy();
		this.persistence.close();
	}
}

function toParts(message: string | MessagePart[]): MessagePart[] {
	if (typeof message !== "string") {
		if (message.length === 0) throw new Error("A message needs text or parts.");
		return message;
	}
	if (!message.trim()) throw new Error("A message needs text or parts.");
	return [{ type: "text", text: message }];
}
