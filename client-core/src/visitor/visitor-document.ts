import {
	DocumentNames,
	type PublicVisitor,
	VISITOR_DOC_KEYS,
	VISITOR_PROFILE_KEYS,
} from "@cossistant/types";
import type * as Y from "yjs";
import type { StoreApi } from "zustand/vanilla";
import type { VisitorState } from "../client-options.ts";
import type { ConnectedPrincipal } from "../connection/principal-connection.ts";
import { ConversationEnds } from "../conversations/conversation-ends.ts";
import { ConversationList, type ConversationSummary } from "../conversations/conversation-list.ts";
import type { SupportEventEmitter } from "../events/support-events.ts";
import type { KeyValueStore } from "../platform/key-value-store.ts";
import type { SupportApi } from "../support/support-api.ts";

/** What a VisitorDocument works with. */
export interface VisitorDocumentOptions {
	connected: ConnectedPrincipal;
	visitorId: string;
	websiteId: string;
	/** Where which conversations ended is remembered (see ConversationEnds). */
	storage: KeyValueStore;
	events: SupportEventEmitter;
	/** Takes the support state the server mirrors into the document. */
	support: SupportApi;
	/** Where the visitor, as the server last changed it, is published. */
	state: StoreApi<VisitorState>;
	/** The conversations as they are now (e.g. to attach views of those now on the server). */
	onConversations: (conversations: readonly ConversationSummary[]) => void;
	/** Called once the document is opened (a preloaded copy was taken over by then). */
	onOpened?: () => void;
}

/**
 * The visitor's own document (`visitor/{id}`), followed for as long as the client is connected:
 * its conversation list (with the ones started offline), each conversation's end (from the
 * status the server mirrors into it, also when the `resolved` item came while this client was
 * away), and the profile: the visitor record and the support state.
 */
export class VisitorDocument {
	/** The visitor's conversations, most recent activity first. */
	readonly list: ConversationList;
	private readonly cleanups: Array<() => void> = [];

	constructor(private readonly options: VisitorDocumentOptions) {
		const { connected, visitorId, events } = options;
		this.list = new ConversationList(
			connected.outbox,
			{ visitorId, websiteId: options.websiteId },
			(_raw, reason) =>
				events.emitError(new Error(`Invalid conversation: ${reason}`), "invalid_conversation"),
		);
		const ends = new ConversationEnds(options.storage, visitorId, (conversationId) =>
			events.emitConversationEnd(conversationId),
		);
		this.cleanups.push(
			this.list.state.subscribe(({ conversations }) => {
				options.onConversations(conversations);
				ends.observe(conversations);
			}),
		);
		const visitorDoc = connected.sync.open(DocumentNames.visitor(visitorId));
		options.onOpened?.();
		this.follow(visitorDoc.doc);
		// A diverged cache was dropped: the list and the profile follow the new replica.
		this.cleanups.push(visitorDoc.onReplaced((doc) => this.follow(doc)));
	}

	/** Stops following the document (it stays open on the connection until that closes). */
	destroy(): void {
		for (const cleanup of this.cleanups) cleanup();
		this.list.destroy();
	}

	private follow(doc: Y.Doc): void {
		const { visitorId, support, state } = this.options;
		this.list.follow(doc);
		const profile = doc.getMap<unknown>(VISITOR_DOC_KEYS.profile);
		const onProfile = () => {
			support.receive(profile.get(VISITOR_PROFILE_KEYS.supportState));
			const visitor = profile.get(VISITOR_PROFILE_KEYS.visitor) as PublicVisitor | undefined;
			if (visitor?.id === visitorId) state.setState({ visitor });
		};
		profile.observe(onProfile);
		onProfile();
		this.cleanups.push(() => profile.unobserve(onProfile));
	}
}
