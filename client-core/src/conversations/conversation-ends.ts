import type { Conversation } from "@cossistant/types";
import type { KeyValueStore } from "../platform/key-value-store.ts";

/** What is remembered of a conversation: `open`, or `resolved:<resolvedAt>` (one per end). */
type KnownState = string;

/**
 * Announces each end of the visitor's conversations once (`conversationEnd`), from the
 * conversations' own status, not from the `resolved` event items a view happens to receive:
 * a visitor who was offline, or whose widget was closed, while an agent resolved a
 * conversation learns it from the status the next sync brings, with no new item to see.
 *
 * What the client last knew of each conversation is kept on the device (localStorage), so
 * - a conversation known open that is resolved now, however the client learns it (live, after
 *   reconnecting, or in the first sync of a later page load), is announced once;
 * - one resolved, reopened and resolved again is announced again: each end has its own
 *   `resolvedAt`;
 * - one the client never knew open (history on a new device, storage cleared) is not: it
 *   ended before this client could have seen it end;
 * - other tabs of the same visitor read the record before announcing, so an end is announced
 *   in one of them, not in each.
 */
export class ConversationEnds {
	private readonly key: string;
	/** What this instance last saw of each conversation: unchanged ones skip the storage. */
	private readonly seen = new Map<string, KnownState>();

	constructor(
		private readonly storage: KeyValueStore,
		visitorId: string,
		private readonly onEnd: (conversationId: string) => void,
	) {
		this.key = `cossistant:conversation-ends:${visitorId}`;
	}

	/** Takes in the conversations as they are now; announces those that ended since last known. */
	observe(conversations: readonly Pick<Conversation, "id" | "status" | "resolvedAt">[]): void {
		let known: Record<string, KnownState> | null = null;
		const ended: string[] = [];
		for (const conversation of conversations) {
			const state =
				conversation.status === "resolved" ? `resolved:${conversation.resolvedAt ?? ""}` : "open";
			if (this.seen.get(conversation.id) === state) continue;
			this.seen.set(conversation.id, state);
			// Read when something changed, not once: another tab may have recorded it meanwhile.
			known ??= this.load();
			const before = known[conversation.id];
			if (before === state) continue;
			known[conversation.id] = state;
			if (state !== "open" && before !== undefined) ended.push(conversation.id);
		}
		if (!known) return;
		try {
			this.storage.set(this.key, JSON.stringify(known));
		} catch {
			// Storage full: this page still announces each end once (`seen`), later loads may not.
		}
		for (const conversationId of ended) this.onEnd(conversationId);
	}

	private load(): Record<string, KnownState> {
		try {
			const raw: unknown = JSON.parse(this.storage.get(this.key) ?? "{}");
			if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return {};
			return Object.fromEntries(
				Object.entries(raw).filter(
					(entry): entry is [string, string] => typeof entry[1] === "string",
				),
			);
		} catch {
			return {};
		}
	}
}
