import { createStore, type StoreApi } from "zustand/vanilla";
import type { KeyValueStore } from "../platform/key-value-store.ts";

/** Conversation id → when I last read it (ISO). */
export type ReadMarkerMap = ReadonlyMap<string, string>;

/**
 * When this agent last read each conversation, kept on the device (localStorage) so the inbox
 * marks unread conversations without opening 10 000 documents, offline too. The conversation
 * document's shared `seen` map is the cross-device truth once a conversation is opened; views
 * merge both (the later wins).
 */
export class ReadMarkers {
	readonly state: StoreApi<{ markers: ReadMarkerMap }>;
	private readonly key: string;

	constructor(
		private readonly storage: KeyValueStore,
		userId: string,
	) {
		this.key = `cossistant:agent-read:${userId}`;
		this.state = createStore(() => ({ markers: this.load() }));
	}

	get(conversationId: string): string | null {
		return this.state.getState().markers.get(conversationId) ?? null;
	}

	/** Records that I read the conversation at `at` (ignored when older than what is known). */
	mark(conversationId: string, at: string): void {
		const current = this.get(conversationId);
		if (current && current >= at) return;
		const markers = new Map(this.state.getState().markers);
		markers.set(conversationId, at);
		this.state.setState({ markers });
		try {
			this.storage.set(this.key, JSON.stringify(Object.fromEntries(markers)));
		} catch {
			// Storage full: markers are a convenience, the in-memory copy still works.
		}
	}

	private load(): Map<string, string> {
		try {
			const raw = JSON.parse(this.storage.get(this.key) ?? "{}") as Record<string, unknown>;
			return new Map(
				Object.entries(raw).filter(
					(entry): entry is [string, string] => typeof entry[1] === "string",
				),
			);
		} catch {
			return new Map();
		}
	}
}
