import type { ConversationViewState, CossistantClient, Typer } from "@cossistant/core";
import { createStore, type StoreApi } from "zustand/vanilla";

/** What the closed trigger shows: unread messages and whether an agent is typing. */
export interface ActivityState {
	/** Unread messages from agents across the visitor's recent conversations. */
	unreadCount: number;
	/** true while someone (an agent) types in one of them. */
	isTyping: boolean;
	/** Who is typing, across conversations. */
	typing: Typer[];
}

export type ActivityStore = StoreApi<ActivityState> & { destroy(): void };

/**
 * Aggregates unread counts and typing over the visitor's ten most recent conversations (the
 * trigger's badge). Framework-free; it follows the conversation list and the live view of each
 * listed conversation. Call after `client.fetchWebsite()` resolved.
 *
 * @example
 * const activity = createActivityStore(client);
 * activity.subscribe(({ unreadCount }) => setBadge(unreadCount));
 */
export function createActivityStore(client: CossistantClient, { limit = 10 } = {}): ActivityStore {
	const store = createStore<ActivityState>(() => ({ unreadCount: 0, isTyping: false, typing: [] }));
	const views = new Map<string, { state: StoreApi<ConversationViewState>; stop: () => void }>();

	const recompute = () => {
		let unreadCount = 0;
		const typing: Typer[] = [];
		for (const { state } of views.values()) {
			const view = state.getState();
			unreadCount += view.unreadCount;
			typing.push(...view.typing);
		}
		const previous = store.getState();
		if (
			previous.unreadCount !== unreadCount ||
			previous.typing.length !== typing.length ||
			previous.typing.some((typer, index) => typer.principal !== typing[index]?.principal)
		) {
			store.setState({ unreadCount, typing, isTyping: typing.length > 0 });
		}
	};

	const follow = () => {
		const wanted = new Set(
			client.conversations.state
				.getState()
				.conversations.filter((conversation) => !conversation.pending)
				.slice(0, limit)
				.map((conversation) => conversation.id),
		);
		for (const [id, view] of views) {
			if (!wanted.has(id)) {
				view.stop();
				views.delete(id);
			}
		}
		for (const id of wanted) {
			if (views.has(id)) continue;
			const state = client.conversation(id).state;
			views.set(id, { state, stop: state.subscribe(recompute) });
		}
		recompute();
	};

	const stopList = client.conversations.state.subscribe(follow);
	follow();
	return Object.assign(store, {
		destroy: () => {
			stopList();
			for (const view of views.values()) view.stop();
			views.clear();
		},
	});
}
