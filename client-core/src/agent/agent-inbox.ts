import { type Conversation, conversationSchema, INBOX_DOC_KEYS } from "@cossistant/types";
import * as v from "valibot";
import type * as Y from "yjs";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { Outbox } from "../outbox/outbox.ts";
import { applyPendingCommand, lastActivity } from "./optimistic-summary.ts";
import type { ReadMarkers } from "./read-markers.ts";
import { type SnapshotStore, throttle } from "./snapshot-store.ts";

/** Summaries kept in the start-up snapshot (a few screens of rows). */
const SNAPSHOT_ROWS = 100;

/** Where the inbox keeps its start-up snapshot (see {@link SnapshotStore}). */
export interface InboxSnapshotOptions {
	store: SnapshotStore;
	key: string;
}

/** A conversation as the inbox lists it. */
export interface InboxConversation extends Conversation {
	/** Last activity (ISO), the sort key. */
	activityAt: string;
	/** The last item is someone else's message I have not read yet. */
	unread: boolean;
	/** Some of my changes to it are still queued (offline). */
	hasPendingChanges: boolean;
}

export interface AgentInboxState {
	/** Most recent activity first. */
	conversations: InboxConversation[];
	/** true once the cached or the server's copy of the inbox document is in. */
	loaded: boolean;
}

/**
 * The website's inbox: the `conversations` map of `inbox/{websiteId}` (server-written,
 * cached in IndexedDB) with my queued changes applied on top and unread markers from
 * {@link ReadMarkers}. Summaries are validated once per stored object (a Y.Map returns the
 * same object until the entry changes), so a change to one of 10 000 conversations costs one
 * parse plus a sort.
 */
export class AgentInbox {
	readonly state: StoreApi<AgentInboxState>;
	private readonly parsed = new WeakMap<object, Conversation | null>();
	private doc: Y.Doc | null = null;
	private detachDoc: () => void = () => {};
	private readonly cleanups: Array<() => void> = [];
	private scheduled = false;
	/** Rows of the previous page load, shown until the inbox document has loaded. */
	private snapshotRows: Array<[string, unknown]> = [];
	/** The server's version (no pending changes) of each listed conversation, for the snapshot. */
	private serverVersions = new Map<string, Conversation>();
	private readonly saveSnapshot: ReturnType<typeof throttle>;

	constructor(
		private readonly outbox: Outbox,
		private readonly readMarkers: ReadMarkers,
		private readonly self: { userId: string },
		private readonly onInvalid: (raw: unknown, reason: string) => void = () => {},
		private readonly snapshot?: InboxSnapshotOptions,
	) {
		this.state = createStore<AgentInboxState>(() => ({ conversations: [], loaded: false }));
		this.cleanups.push(outbox.state.subscribe(() => this.schedule()));
		this.cleanups.push(readMarkers.state.subscribe(() => this.schedule()));
		this.saveSnapshot = throttle(() => this.writeSnapshot(), 1_000);
		const saved = snapshot?.store.read(snapshot.key);
		if (Array.isArray(saved)) {
			this.snapshotRows = saved.flatMap((raw: unknown) =>
				typeof raw === "object" && raw !== null && typeof (raw as { id?: unknown }).id === "string"
					? [[(raw as { id: string }).id, raw] as [string, unknown]]
					: [],
			);
			if (this.snapshotRows.length > 0) this.recompute();
		}
	}

	/** Follows a (new) replica of the inbox document. */
	follow(doc: Y.Doc): void {
		this.detachDoc();
		this.doc = doc;
		const map = doc.getMap<unknown>(INBOX_DOC_KEYS.conversations);
		const observer = () => this.schedule();
		map.observe(observer);
		this.detachDoc = () => map.unobserve(observer);
		this.recompute();
	}

	/** Marks the inbox loaded (cache or first sync) and recomputes. */
	markLoaded(): void {
		if (!this.state.getState().loaded) this.state.setState({ loaded: true });
		this.recompute();
	}

	get(conversationId: string): InboxConversation | undefined {
		return this.state.getState().conversations.find((c) => c.id === conversationId);
	}

	destroy(): void {
		this.saveSnapshot.flush();
		this.detachDoc();
		for (const cleanup of this.cleanups) cleanup();
	}

	private writeSnapshot(): void {
		if (!this.snapshot) return;
		const rows = this.state
			.getState()
			.conversations.slice(0, SNAPSHOT_ROWS)
			.flatMap((row) => {
				const server = this.serverVersions.get(row.id);
				return server ? [server] : [];
			});
		this.snapshot.store.write(this.snapshot.key, rows);
	}

	/** Coalesces bursts (a sync delivering many summaries) into one recompute per microtask. */
	private schedule(): void {
		if (this.scheduled) return;
		this.scheduled = true;
		queueMicrotask(() => {
			this.scheduled = false;
			this.recompute();
		});
	}

	private parse(raw: unknown, id: string): Conversation | null {
		if (typeof raw !== "object" || raw === null) return null;
		const cached = this.parsed.get(raw);
		if (cached !== undefined) return cached;
		const result = v.safeParse(conversationSchema, raw);
		const value = result.success ? result.output : null;
		if (!result.success)
			this.onInvalid(raw, `conversation ${id}: ${result.issues[0]?.message ?? "invalid"}`);
		this.parsed.set(raw, value);
		return value;
	}

	private recompute(): void {
		const startedAt = globalThis.performance?.now?.() ?? 0;
		this.recomputeInner();
		const size = this.state.getState().conversations.length;
		if (size > 0)
			globalThis.performance?.measure?.(`cossistant:inbox-recompute:${size}`, { start: startedAt });
	}

	private recomputeInner(): void {
		const map = this.doc?.getMap<unknown>(INBOX_DOC_KEYS.conversations);
		const pendingByConversation = new Map<
			string,
			Array<{ command: Parameters<typeof applyPendingCommand>[1]; queuedAt: number }>
		>();
		for (const entry of this.outbox.state.getState().entries.values()) {
			if (entry.state !== "queued") continue;
			const command = entry.command;
			if (!("conversationId" in command) || !command.conversationId) continue;
			const list = pendingByConversation.get(command.conversationId) ?? [];
			list.push({ command, queuedAt: entry.queuedAt });
			pendingByConversation.set(command.conversationId, list);
		}
		const markers = this.readMarkers.state.getState().markers;
		const conversations: InboxConversation[] = [];
		const fromDocument = map !== undefined && map.size > 0;
		const serverVersions = new Map<string, Conversation>();
		for (const [id, raw] of fromDocument ? map.entries() : this.snapshotRows) {
			let conversation = this.parse(raw, id);
			if (!conversation) continue;
			serverVersions.set(id, conversation);
			const pending = pendingByConversation.get(id);
			for (const { command, queuedAt } of pending ?? [])
				conversation = applyPendingCommand(conversation, command, this.self, queuedAt);
			const last = conversation.lastTimelineItem;
			const readAt = markers.get(id);
			const unread =
				last !== null &&
				last.type === "message" &&
				last.userId !== this.self.userId &&
				(readAt === undefined || Date.parse(last.createdAt) > Date.parse(readAt));
			conversations.push({
				...conversation,
				activityAt: lastActivity(conversation),
				unread,
				hasPendingChanges: pending !== undefined,
			});
		}
		conversations.sort((a, b) =>
			a.activityAt === b.activityAt
				? b.id.localeCompare(a.id)
				: a.activityAt < b.activityAt
					? 1
					: -1,
		);
		this.state.setState({ conversations });
		if (fromDocument) {
			this.serverVersions = serverVersions;
			this.snapshotRows = [];
			this.saveSnapshot.call();
		}
	}
}
