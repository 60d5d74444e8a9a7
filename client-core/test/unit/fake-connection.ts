import * as Y from "yjs";
import { createStore } from "zustand/vanilla";
import {
	ConversationView,
	type ConversationViewOptions,
} from "../../src/conversations/conversation-view.ts";
import type { Outbox } from "../../src/outbox/outbox.ts";
import type { SyncConnection, SyncedDocument } from "../../src/sync/sync-connection.ts";

/**
 * A SyncConnection stand-in for one conversation: one replica, its cache a Map, loaded when
 * told (`load`), and a first server sync that applies an update when told (`sync`).
 */
export function fakeConnection(
	stored: { update: Uint8Array | null; meta: Map<string, string> } = {
		update: null,
		meta: new Map(),
	},
) {
	const doc = new Y.Doc();
	let loaded = () => {};
	let synced = (_update: Uint8Array) => {};
	const whenCached = new Promise<void>((resolve) => {
		loaded = () => {
			if (stored.update) Y.applyUpdate(doc, stored.update, "cache");
			resolve();
		};
	});
	const whenSynced = new Promise<void>((resolve) => {
		synced = (update) => {
			Y.applyUpdate(doc, update, "server");
			resolve();
		};
	});
	const document = {
		name: "conv/conversation-1",
		doc,
		provider: { awareness: null },
		whenCached,
		whenSynced,
		onReplaced: () => () => {},
		getCacheMeta: async (key: string) => stored.meta.get(key),
		setCacheMeta: async (key: string, value: string) => {
			stored.meta.set(key, value);
		},
	} as unknown as SyncedDocument;
	const connection = { open: () => document, close: () => {} } as unknown as SyncConnection;
	return { doc, connection, load: () => loaded(), sync: (update: Uint8Array) => synced(update) };
}

/** A view of `conversation-1` for `visitor-1` over `connection`, attached, with no pending commands. */
export function openView(
	connection: SyncConnection,
	options: Partial<ConversationViewOptions> = {},
): ConversationView {
	const outbox = { state: createStore(() => ({ entries: new Map() })) } as unknown as Outbox;
	const view = new ConversationView({
		conversationId: "conversation-1",
		connection,
		outbox,
		principal: "visitor:visitor-1",
		self: { visitorId: "visitor-1" },
		onInvalidItem: () => {},
		onNewItems: () => {},
		...options,
	});
	view.attach();
	return view;
}
