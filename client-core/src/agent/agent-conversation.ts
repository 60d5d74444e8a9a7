import {
	CONVERSATION_DOC_KEYS,
	type Conversation,
	conversationSchema,
	DocumentNames,
	type TimelineItem,
} from "@cossistant/types";
import * as v from "valibot";
import type * as Y from "yjs";
import { createStore, type StoreApi } from "zustand/vanilla";
import { ConversationView } from "../conversations/conversation-view.ts";
import { parseItems, TimelineItemParser } from "../conversations/item-parser.ts";
import { pendingItem } from "../conversations/pending-item.ts";
import { compareTimelineItems } from "../conversations/timeline-order.ts";
import type { TimelineItemView } from "../conversations/timeline-view.ts";
import type { Typer } from "../conversations/typing.ts";
import type { Outbox } from "../outbox/outbox.ts";
import type { SyncConnection, SyncedDocument } from "../sync/sync-connection.ts";
import { withServerUrls } from "../uploads/server-url.ts";
import { applyPendingCommand } from "./optimistic-summary.ts";
import { type SnapshotStore, throttle } from "./snapshot-store.ts";

/** Items kept in a conversation's start-up snapshot (more than a screenful). */
const SNAPSHOT_ITEMS = 40;

export interface AgentConversationState {
	conversationId: string;
	/** true once the cached or server copy of the public document is in. */
	loaded: boolean;
	/** The record with my queued changes applied (null until loaded). */
	conversation: Conversation | null;
	/** Public items and internal notes, in order, then my pending ones. */
	items: TimelineItemView[];
	typing: Typer[];
	/** When the visitor last saw the conversation (ISO), for seen receipts. */
	seenByVisitorAt: string | null;
	/** When I last saw it, from the shared seen map (any of my devices). */
	mySeenAt: string | null;
	/** Whether the visitor is blocked, from the latest block / unblock event of this conversation. */
	visitorBlocked: boolean;
}

export interface AgentConversationOptions {
	conversationId: string;
	connection: SyncConnection;
	outbox: Outbox;
	userId: string;
	/** The REST base, to display attachments' server paths (see `serverUrl`). */
	apiUrl?: string;
	onInvalidItem?: (raw: unknown, reason: string) => void;
	/** Where the last items are kept for the next start's first frame (see SnapshotStore). */
	snapshot?: { store: SnapshotStore; key: string };
}

/**
 * What an agent sees of one conversation: the public document (through the widget's own
 * {@link ConversationView}: items ⊕ my pending messages, delivery states, typing) merged with
 * the agents-only `conv/{id}/private` document of internal notes, plus my queued status /
 * priority / tag / assignment changes applied to the record. Both documents are cached in
 * IndexedDB, so a conversation opened once reads offline.
 */
export class AgentConversation {
	readonly state: StoreApi<AgentConversationState>;
	readonly view: ConversationView;
	private readonly privateDoc: SyncedDocument;
	private readonly parser: TimelineItemParser;
	private readonly cleanups: Array<() => void> = [];
	private notes: TimelineItem[] = [];
	private scheduled = false;
	private loadedMarked = false;
	/** The last items of the previous page load, shown until the documents have loaded. */
	private snapshot: { conversation: Conversation | null; items: TimelineItem[] } | null = null;
	private readonly saveSnapshot: ReturnType<typeof throttle>;

	constructor(private readonly options: AgentConversationOptions) {
		const principal = `user:${options.userId}`;
		this.parser = new TimelineItemParser(options.onInvalidItem ?? (() => {}));
		this.view = new ConversationView({
			conversationId: options.conversationId,
			connection: options.connection,
			outbox: options.outbox,
			principal,
			self: { userId: options.userId },
			apiUrl: options.apiUrl,
			onInvalidItem: options.onInvalidItem ?? (() => {}),
			onNewItems: () => {},
		});
		this.state = createStore<AgentConversationState>(() => ({
			conversationId: options.conversationId,
			loaded: false,
			conversation: null,
			items: [],
			typing: [],
			seenByVisitorAt: null,
			mySeenAt: null,
			visitorBlocked: false,
		}));
		this.saveSnapshot = throttle(() => this.writeSnapshot(), 1_000);
		this.snapshot = this.readSnapshot();
		// Agents only open conversations that exist on the server: attach at once.
		this.view.attach();
		this.privateDoc = options.connection.open(
			DocumentNames.conversationPrivate(options.conversationId),
		);
		this.observePrivate(this.privateDoc.doc);
		this.cleanups.push(this.privateDoc.onReplaced((doc) => this.observePrivate(doc)));
		this.cleanups.push(this.view.state.subscribe(() => this.schedule()));
		this.recompute();
	}

	/** Publishes (or clears) my typing through awareness (the server adds my name). */
	setTyping(isTyping: boolean): void {
		this.view.setTyping(isTyping);
	}

	/** Resolves once the cached copies of both documents are loaded. */
	get whenCached(): Promise<void> {
		const publicDoc = this.options.connection.open(
			DocumentNames.conversation(this.options.conversationId),
		);
		return Promise.all([publicDoc.whenCached, this.privateDoc.whenCached]).then(() => undefined);
	}

	destroy(): void {
		this.saveSnapshot.flush();
		for (const cleanup of this.cleanups) cleanup();
		this.view.destroy();
		this.options.connection.close(this.privateDoc.name);
	}

	private readSnapshot(): { conversation: Conversation | null; items: TimelineItem[] } | null {
		const saved = this.options.snapshot?.store.read(this.options.snapshot.key) as
			| { conversation?: unknown; items?: unknown }
			| undefined;
		if (!saved || !Array.isArray(saved.items)) return null;
		const conversation = v.safeParse(conversationSchema, saved.conversation);
		const items = parseItems(this.parser, saved.items);
		return items.length > 0
			? { conversation: conversation.success ? conversation.output : null, items }
			: null;
	}

	private writeSnapshot(): void {
		const target = this.options.snapshot;
		const { conversation, items } = this.state.getState();
		if (!target || !this.view.state.getState().loaded) return;
		const settled = items.filter((item) => !item.pending).slice(-SNAPSHOT_ITEMS);
		target.store.write(target.key, {
			conversation: this.view.state.getState().conversation ?? conversation,
			items: settled.map(({ pending, delivery, failure, commandId, ...item }) => item),
		});
	}

	private observePrivate(doc: Y.Doc): void {
		const timeline = doc.getArray<unknown>(CONVERSATION_DOC_KEYS.timeline);
		const onChange = () => {
			this.notes = parseItems(this.parser, timeline.toArray());
			this.schedule();
		};
		timeline.observe(onChange);
		this.cleanups.push(() => timeline.unobserve(onChange));
		onChange();
	}

	private schedule(): void {
		if (this.scheduled) return;
		this.scheduled = true;
		queueMicrotask(() => {
			this.scheduled = false;
			this.recompute();
		});
	}

	private recompute(): void {
		const publicState = this.view.state.getState();
		const userId = this.options.userId;
		const noteIds = new Set(this.notes.map((note) => note.id));
		const entries = [...this.options.outbox.state.getState().entries.values()];
		const settled: TimelineItemView[] = [];
		const pending: TimelineItemView[] = [];
		for (const item of publicState.items) {
			// My queued note is replaced by the private document's copy once it exists.
			if (item.pending && item.visibility === "private" && noteIds.has(item.id)) continue;
			(item.pending ? pending : settled).push(item);
		}
		for (const note of this.notes) {
			settled.push({
				...note,
				parts: withServerUrls(note.parts, this.options.apiUrl),
				pending: false,
				delivery: note.userId === userId ? "sent" : null,
				failure: null,
				commandId: null,
			});
		}
		// A note applied on the server whose private copy has not arrived yet stays visible as sent.
		for (const entry of entries) {
			const command = entry.command;
			if (
				entry.state !== "sent" ||
				command.type !== "note.add" ||
				command.conversationId !== this.options.conversationId ||
				noteIds.has(command.itemId)
			)
				continue;
			const note = pendingItem({
				itemId: command.itemId,
				conversationId: command.conversationId,
				parts: command.parts,
				visibility: "private",
				author: { userId },
				queuedAt: entry.queuedAt,
			});
			pending.push({
				...note,
				parts: withServerUrls(note.parts, this.options.apiUrl),
				pending: true,
				delivery: "sent",
				failure: null,
				commandId: command.id,
			});
		}
		// Until the documents are in, the previous page load's last items stand in for them.
		const snapshot = this.snapshot;
		if (publicState.loaded || settled.length > 0) {
			if (snapshot) this.snapshot = null;
			if (publicState.loaded && !this.loadedMarked) {
				this.loadedMarked = true;
				// User Timing (DevTools, benchmarks): every cached item is in.
				globalThis.performance?.mark?.("cossistant:conversation-loaded");
			}
			if (publicState.loaded) this.saveSnapshot.call();
		} else if (snapshot) {
			for (const item of snapshot.items) {
				settled.push({
					...item,
					pending: false,
					delivery: item.userId === userId ? "sent" : null,
					failure: null,
					commandId: null,
				});
			}
		}
		// The public items are in timeline order already (ConversationView); notes and a snapshot
		// are merged into it.
		if (this.notes.length > 0 || (snapshot && this.snapshot)) settled.sort(compareTimelineItems);
		let conversation = publicState.conversation ?? this.snapshot?.conversation ?? null;
		if (conversation) {
			for (const entry of entries) {
				if (entry.state === "queued" && entry.command.type !== "message.send")
					conversation = applyPendingCommand(
						conversation,
						entry.command,
						{ userId },
						entry.queuedAt,
					);
			}
		}
		const seen = this.view.doc?.getMap<string>(CONVERSATION_DOC_KEYS.seen);
		let seenByVisitorAt: string | null = null;
		for (const [participant, at] of seen?.entries() ?? []) {
			if (participant.startsWith("visitor:") && (!seenByVisitorAt || at > seenByVisitorAt))
				seenByVisitorAt = at;
		}
		this.state.setState({
			loaded: publicState.loaded,
			conversation,
			items: settled.concat(pending),
			typing: publicState.typing,
			seenByVisitorAt,
			mySeenAt: seen?.get(`user:${userId}`) ?? null,
			visitorBlocked: blockedFromEvents(settled),
		});
	}
}

function blockedFromEvents(items: readonly TimelineItem[]): boolean {
	for (let index = items.length - 1; index >= 0; index--) {
		const part = items[index]?.parts[0];
		if (part?.type !== "event") continue;
		if (part.eventType === "visitor_blocked") return true;
		if (part.eventType === "visitor_unblocked") return false;
	}
	return false;
}
