import type { BatchContext } from "../pipeline/batch-context.ts";
import type { VisitorFacts } from "../pipeline/batch-facts.ts";
import { CommandRejection } from "../pipeline/command-rejection.ts";

/**
 * Checks then creates a new open conversation for `visitor` (shared by the visitor's
 * `conversation.start` and the agents' `conversation.create`): a conversation id or first-item
 * id already in use is refused before anything is written.
 */
export function createNewConversation(
	ctx: BatchContext,
	input: {
		conversationId: string;
		websiteId: string;
		visitor: VisitorFacts;
		title: string | undefined;
		initialItemId: string | undefined;
	},
): void {
	if (ctx.conversations.get(input.conversationId)) {
		throw new CommandRejection("conflict", `Conversation ${input.conversationId} already exists.`);
	}
	if (input.initialItemId) ctx.conversations.assertItemIdFree(input.initialItemId);
	ctx.conversations.create({
		id: input.conversationId,
		websiteId: input.websiteId,
		visitorId: input.visitor.id,
		contactId: input.visitor.contactId,
		title: input.title ?? null,
		status: "open",
		priority: "medium",
		tags: [],
		assigneeIds: [],
		participantIds: [],
		lastTimelineItem: null,
		lastItemAt: ctx.now,
		resolvedAt: null,
		resolvedById: null,
	});
}
