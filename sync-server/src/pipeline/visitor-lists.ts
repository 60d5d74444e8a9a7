import { type Conversation, DocumentNames, VISITOR_DOC_KEYS } from "@cossistant/types";
import type * as Y from "yjs";
import type { Conversation as ConversationRow } from "../generated/prisma/client.ts";
import { toConversationSummary } from "../persistence/conversation-rows.ts";

/**
 * Summaries a batch adds to or removes from visitors' conversation lists (`visitor/{id}`)
 * without changing the conversations themselves: a device linked to a contact starts listing
 * the contact's history, a device moved to another contact stops listing the previous one's.
 */
export class VisitorListChanges {
	/** visitor id → conversation id → listed. */
	private readonly changes = new Map<string, Map<string, boolean>>();

	set(visitorId: string, conversationId: string, listed: boolean): void {
		const changes = this.changes.get(visitorId) ?? new Map<string, boolean>();
		changes.set(conversationId, listed);
		this.changes.set(visitorId, changes);
	}

	/** Writes the changes; an entry already equal to the summary writes no Yjs update. */
	write(
		requireDoc: (name: string) => Y.Doc,
		rowOf: (conversationId: string) => ConversationRow | undefined,
	): void {
		for (const [visitorId, changes] of this.changes) {
			const list = requireDoc(DocumentNames.visitor(visitorId)).getMap<Conversation>(
				VISITOR_DOC_KEYS.conversations,
			);
			for (const [conversationId, listed] of changes) {
				const row = rowOf(conversationId);
				if (listed && row) {
					const summary = toConversationSummary(row);
					if (JSON.stringify(list.get(conversationId)) !== JSON.stringify(summary)) {
						list.set(conversationId, summary);
					}
				} else if (!listed && list.has(conversationId)) {
					list.delete(conversationId);
				}
			}
		}
	}
}
