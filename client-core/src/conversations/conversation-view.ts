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
import type { Outbox } from "../outbox/outbox.ts";
import type { SyncConnection, SyncedDocument } from "../sync/sync-connection.ts";
import { type ParsedTimeline, TimelineItemParser, type ValidatedUpTo } from "./item-parser.ts";
import { inTimelineOrder } from "./timeline-order.ts";
import { buildTimelineView, countUnread, type TimelineItemView } from "./timeline-view.ts";
import { activeTypers, TYPING_TTL_MS, type Typer } from "./typing.ts";
import { readValidatedUpTo, recordValidatedUpTo } from "./validated-mark.ts";

/** How long after newly validated items the cached copy records them as validated (batched). */
const RECORD_VALIDATED_DELAY_MS = 1_000;

export interface ConversationViewState {
	conversationId: string;
	/** `pending`: started offline, not on the server yet; `ready`: shared document open. */
	phase: "pending" | "ready";
	/** true once the cached or server copy has loaded. */
	loaded: boolean;
	conversation: Conversation | null;
	items: TimelineItemView[];
	unreadCount: number;
	typing: Typer[];
}

export interface ConversationViewOptions {
	conversationId: string;
	connection: SyncConnection;
	outbox: Outbox;
	/** `visitor:<id>` or `user:<id>`. */
	principal: string;
	self: { visitorId?: string; userId?: string };
	onInvalidItem: (raw: unknown, reason: string) => void;
	onNewItems: (items: TimelineItem[]) => void;
	now?: () => number;
	/** The REST base, to display attachments' server paths (see `serverUrl`). */
	apiUrl?: string;
	/**
	 * The conversation was started by this client and was not on the server when the view was
	 * made: only what it was created with is history; whatever arrived later (an agent's quick
	 * reply, even in the very first sync) is new.
	 */
	startedHere?: boolean;
}

/**
 * A live view of one conversation: the shared document's items (validated) merged with my
 * pending commands, the conversation record, unread count and who is typing. It opens the
 * shared document only once the conversation exists on the server (authorisation is decided
 * from the conversation row); until then it shows the pending copy.
 */
export class ConversationView {
	readonly state: StoreApi<ConversationViewState>;
	private document: SyncedDocument | null = null;
	private readonly parser: TimelineItemParser;
	private readonly now: () => number;
	private shared: readonly TimelineItem[] = [];
	private knownIds = new Set<string>();
	private initialised = false;
	private readonly cleanups: Array<() => void> = [];
	private typingTimer: ReturnType<typeof setTimeout> | null = null;
	/** Items below this state vector were validated by an earlier run of this client (parseTimeline). */
	private validatedUpTo: ValidatedUpTo | null = null;
	/** The cached copy and its validation record are in: timeline changes recompute from now on. */
	private cacheLoaded = false;
	/** The last recompute found every timeline item valid. */
	private timelineValid = false;
	private recordTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(private readonly options: ConversationViewOptions) {
		this.now = options.now ?? Date.now;
		this.parser = new TimelineItemParser(options.onInvalidItem);
		this.state = createStore<ConversationViewState>(() => ({
			conversationId: options.conversationId,
			phase: "pending",
			loaded: false,
			conversation: null,
			items: [],
			unreadCount: 0,
			typing: [],
		}));
		this.cleanups.push(options.outbox.state.subscribe(() => this.recompute()));
		this.recompute();
	}

	/** Opens the shared document (call once the conversation exists on the server). */
	attach(): void {
		if (this.document) return;
		this.document = this.options.connection.open(
			DocumentNames.conversation(this.options.conversationId),
		);
		this.state.setState({ phase: "ready" });
		const document = this.document;
		this.observe(document.doc);
		this.cleanups.push(
			document.onReplaced((doc) => {
				// A new replica (the diverged cache was dropped, with its record): trust nothing.
				this.validatedUpTo = null;
				this.observe(doc);
			}),
		);
		// The cached copy loads in one transaction; its record is read meanwhile. The view is
		// built once both are in (markLoaded), not as the copy loads, so it validates only what
		// the record does not cover.
		const record = readValidatedUpTo(document).then((upTo) => {
			this.validatedUpTo = upTo;
		});
		void Promise.all([document.whenCached, record]).then(() => {
			this.cacheLoaded = true;
			this.markLoaded("cache");
		});
		void document.whenSynced.then(() => this.markLoaded("server"));
	}

	get doc(): Y.Doc | null {
		return this.document?.doc ?? null;
	}

	/** When I last saw the conversation (ISO), from the shared seen map. */
	mySeenAt(): string | null {
		const seen = this.document?.doc.getMap<string>(CONVERSATION_DOC_KEYS.seen);
		return seen?.get(this.options.principal) ?? null;
	}

	/** Publishes (or clears) my typing state through awareness; it expires by itself. */
	setTyping(isTyping: boolean, name?: string): void {
		const provider = this.document?.provider;
		if (!provider) return;
		provider.setAwarenessField(
			"typing",
			isTyping
				? { principal: this.options.principal, at: this.now(), ...(name ? { name } : {}) }
				: null,
		);
	}

	destroy(): void {
		for (const cleanup of this.cleanups) cleanup();
		if (this.typingTimer) clearTimeout(this.typingTimer);
		if (this.recordTimer) clearTimeout(this.recordTimer);
		if (this.document) this.options.connection.close(this.document.name);
	}

	private observe(doc: Y.Doc): void {
		const timeline = doc.getArray<unknown>(CONVERSATION_DOC_KEYS.timeline);
		const meta = doc.getMap<unknown>(CONVERSATION_DOC_KEYS.meta);
		const seen = doc.getMap<string>(CONVERSATION_DOC_KEYS.seen);
		const onChange = () => {
			if (this.cacheLoaded) this.recompute();
		};
		timeline.observe(onChange);
		meta.observe(onChange);
		seen.observe(onChange);
		const awareness = this.document?.provider.awareness;
		const onAwareness = () => this.recomputeTyping();
		awareness?.on("change", onAwareness);
		this.cleanups.push(() => {
			timeline.unobserve(onChange);
			meta.unobserve(onChange);
			seen.unobserve(onChange);
			awareness?.off("change", onAwareness);
		});
		this.recompute();
	}

	/**
	 * The baseline for "new" items (messageReceived) is the first copy we had: the cached one
	 * if the cache held anything, else the server's first sync. Items present then are history.
	 */
	private markLoaded(source: "cache" | "server"): void {
		const timeline = this.document?.doc.getArray(CONVERSATION_DOC_KEYS.timeline);
		const hasContent = (timeline?.length ?? 0) > 0;
		if (source === "server" || hasContent) {
			if (!this.state.getState().loaded) this.state.setState({ loaded: true });
		}
		this.recompute();
	}

	private recompute(): void {
		// The view shows the shared document once its cached copy and validation record are in
		// (markLoaded). Before, a preloaded copy may already hold every item: reading it then
		// would validate all of them, the record not being there to trust.
		const doc = this.cacheLoaded ? this.document?.doc : undefined;
		if (doc) {
			const timeline = this.parser.parseTimeline(
				doc.getArray<unknown>(CONVERSATION_DOC_KEYS.timeline),
				this.validatedUpTo,
			);
			// In timeline order here already, so new items are announced in that order too.
			this.shared = inTimelineOrder(timeline.items);
			this.scheduleRecord(timeline);
			this.announceNewItems();
		}
		const seen = doc?.getMap<string>(CONVERSATION_DOC_KEYS.seen);
		let seenByOthersAt: string | null = null;
		for (const [participant, at] of seen?.entries() ?? []) {
			if (participant !== this.options.principal && (!seenByOthersAt || at > seenByOthersAt))
				seenByOthersAt = at;
		}
		const metaJson = doc?.getMap<unknown>(CONVERSATION_DOC_KEYS.meta).toJSON();
		const conversation =
			metaJson && Object.keys(metaJson).length > 0
				? v.safeParse(conversationSchema, metaJson)
				: null;
		this.state.setState({
			conversation: conversation?.success
				? conversation.output
				: this.state.getState().conversation,
			items: buildTimelineView({
				shared: this.shared,
				pending: this.options.outbox.state.getState().entries.values(),
				conversationId: this.options.conversationId,
				self: this.options.self,
				seenByOthersAt,
				apiUrl: this.options.apiUrl,
			}),
			unreadCount: countUnread(this.shared, this.options.self, this.mySeenAt()),
		});
	}

	/**
	 * Once new items were validated and all are valid, records the replica's state vector with the
	 * cached copy (batched), so the next cold open need not validate them again. Every timeline
	 * change recomputes synchronously, so when the timer fires the replica holds only validated
	 * items, unless the last recompute found an invalid one.
	 */
	private scheduleRecord(timeline: ParsedTimeline): void {
		this.timelineValid = timeline.allValid;
		if (timeline.validated === 0 || !timeline.allValid || !this.cacheLoaded || this.recordTimer)
			return;
		this.recordTimer = setTimeout(() => {
			this.recordTimer = null;
			if (this.document && this.timelineValid) void recordValidatedUpTo(this.document);
		}, RECORD_VALIDATED_DELAY_MS);
	}

	/** Reports items that appeared after the first load (for messageReceived events). */
	private announceNewItems(): void {
		if (!this.initialised) {
			if (!this.state.getState().loaded) return;
			this.initialised = true;
			this.knownIds = new Set(this.history().map((item) => item.id));
		}
		const fresh = this.shared.filter((item) => !this.knownIds.has(item.id));
		if (fresh.length === 0) return;
		for (const item of fresh) this.knownIds.add(item.id);
		this.options.onNewItems(fresh);
	}

	/**
	 * The items of the first load that are history. For a conversation started here, that is what
	 * it was created with (welcome messages, the first message): they share the conversation's
	 * creation time; anything later is new even though it came with the first sync.
	 */
	private history(): readonly TimelineItem[] {
		if (!this.options.startedHere) return this.shared;
		const createdAt = this.document?.doc
			.getMap<unknown>(CONVERSATION_DOC_KEYS.meta)
			.get("createdAt");
		if (typeof createdAt !== "string") return this.shared;
		return this.shared.filter((item) => item.createdAt <= createdAt);
	}

	private recomputeTyping(): void {
		const awareness = this.document?.provider.awareness;
		if (!awareness) return;
		const now = this.now();
		const typing = activeTypers(awareness.getStates().values(), this.options.principal, now);
		this.state.setState({ typing });
		if (this.typingTimer) clearTimeout(this.typingTimer);
		// Re-evaluate when the freshest entry expires (no keystroke → typing ends by itself).
		if (typing.length > 0)
			this.typingTimer = setTimeout(() => this.recomputeTyping(), TYPING_TTL_MS);
	}
}
