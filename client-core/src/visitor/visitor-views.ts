import type { TimelineItem } from "@cossistant/types";
import type { ConnectedPrincipal } from "../connection/principal-connection.ts";
import type { ConversationSummary } from "../conversations/conversation-list.ts";
import { ConversationView } from "../conversations/conversation-view.ts";
import type { SupportEventEmitter } from "../events/support-events.ts";

/** Who opens a view, and what is known of its conversation. */
export interface VisitorViewContext {
	connected: ConnectedPrincipal;
	visitorId: string;
	/** The conversation in the visitor's list, if it is there yet. */
	summary: ConversationSummary | undefined;
}

/**
 * The visitor's conversation views, one per conversation for the client's lifetime (the widget
 * reopens the same one), and the events their items raise: agents' new messages are
 * `messageReceived`. A view opens its shared document only once its conversation is on the
 * server; until then it shows what the outbox holds.
 */
export class VisitorViews {
	private readonly views = new Map<string, ConversationView>();

	constructor(private readonly options: { events: SupportEventEmitter; apiUrl: string }) {}

	/** The open view of a conversation, if any. */
	get(conversationId: string): ConversationView | undefined {
		return this.views.get(conversationId);
	}

	/** The view of a conversation, made on first use. */
	open(conversationId: string, context: VisitorViewContext): ConversationView {
		const existing = this.views.get(conversationId);
		if (existing) return existing;
		const { events } = this.options;
		const { visitorId, summary } = context;
		const view = new ConversationView({
			conversationId,
			connection: context.connected.sync,
			outbox: context.connected.outbox,
			principal: `visitor:${visitorId}`,
			self: { visitorId },
			apiUrl: this.options.apiUrl,
			onInvalidItem: (_raw, reason) =>
				events.emitError(new Error(`Invalid timeline item: ${reason}`), "invalid_timeline_item"),
			onNewItems: (items) => this.announce(conversationId, items, visitorId),
			startedHere: summary?.pending === true,
		});
		this.views.set(conversationId, view);
		if (summary?.pending === false) view.attach();
		return view;
	}

	/** Views whose conversation now exists on the server open its shared document. */
	attach(conversations: readonly ConversationSummary[]): void {
		for (const conversation of conversations) {
			if (!conversation.pending) this.views.get(conversation.id)?.attach();
		}
	}

	/** Closes every view (with its documents and timers). */
	destroy(): void {
		for (const view of this.views.values()) view.destroy();
		this.views.clear();
	}

	/** New items of an open conversation: others' public messages are `messageReceived`. */
	private announce(conversationId: string, items: TimelineItem[], visitorId: string): void {
		for (const item of items) {
			if (item.type === "message" && item.visitorId !== visitorId && item.visibility === "public") {
				this.options.events.emitMessageReceived(conversationId, item);
			}
		}
	}
}
