import { type Conversation, conversationSchema, VISITOR_DOC_KEYS } from "@cossistant/types";
import * as v from "valibot";
import type * as Y from "yjs";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { Outbox } from "../outbox/outbox.ts";

/** A conversation in the list: the server's record, or a pending one started offline. */
export interface ConversationSummary extends Conversation {
	/** true while only the local `conversation.start` exists. */
	pending: boolean;
}

export interface ConversationListState {
	/** Most recent activity first. */
	conversations: ConversationSummary[];
}

/**
 * The visitor's conversations (home and history): the `conversations` map of its
 * `visitor/{id}` document, plus conversations started offline and not yet on the server.
 */
export class ConversationList {
	readonly state: StoreApi<ConversationListState>;
	private doc: Y.Doc | null = null;
	private detachDoc: () => void = () => {};
	private readonly detachOutbox: () => void;

	constructor(
		private readonly outbox: Outbox,
		private readonly self: { visitorId: string; websiteId: string },
		private readonly onInvalid: (raw: unknown, reason: string) => void,
	) {
		this.state = createStore<ConversationListState>(() => ({ conversations: [] }));
		this.detachOutbox = outbox.state.subscribe(() => this.recompute());
	}

	/** Follows a (new) replica of the visitor document. */
	follow(doc: Y.Doc): void {
		this.detachDoc();
		this.doc = doc;
		const map = doc.getMap<unknown>(VISITOR_DOC_KEYS.conversations);
		const observer = () => this.recompute();
		map.observe(observer);
		this.detachDoc = () => map.unobserve(observer);
		this.recompute();
	}

	get(conversationId: string): ConversationSummary | undefined {
		return this.state.getState().conversations.find((c) => c.id === conversationId);
	}

	destroy(): void {
		this.detachDoc();
		this.detachOutbox();
	}

	private recompute(): void {
		const byId = new Map<string, ConversationSummary>();
		for (const [id, raw] of this.doc?.getMap<unknown>(VISITOR_DOC_KEYS.conversations).entries() ??
			[]) {
			const parsed = v.safeParse(conversationSchema, raw);
			if (parsed.success) byId.set(id, { ...parsed.output, pending: false });
			else this.onInvalid(raw, `conversation ${id}: ${parsed.issues[0]?.message ?? "invalid"}`);
		}
		for (const entry of this.outbox.state.getState().entries.values()) {
			const { command } = entry;
			if (
				command.type !== "conversation.start" ||
				byId.has(command.conversationId) ||
				entry.state === "sent"
			)
				continue;
			const at = new Date(Math.floor(entry.queuedAt)).toISOString();
			byId.set(command.conversationId, {
				id: command.conversationId,
				websiteId: this.self.websiteId,
				visitorId: this.self.visitorId,
				contactId: null,
				title: command.title ?? null,
				status: "open",
				priority: "medium",
				tags: [],
				participantIds: [],
				assigneeIds: [],
				lastTimelineItem: null,
				createdAt: at,
				updatedAt: at,
				resolvedAt: null,
				pending: true,
			});
		}
		const conversations = [...byId.values()].sort((a, b) => activity(b).localeCompare(activity(a)));
		this.state.setState({ conversations });
	}
}

function activity(conversation: Conversation): string {
	return conversation.lastTimelineItem?.createdAt ?? conversation.updatedAt;
}
