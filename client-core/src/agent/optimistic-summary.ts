import type { Command, Conversation } from "@cossistant/types";
import { pendingItem } from "../conversations/pending-item.ts";

/**
 * Applies one of my queued commands to a conversation summary, so the inbox and the
 * conversation header show a change made offline at once (status, priority, tags, assignees,
 * participants, my last message). The server's copy replaces it once the command is applied.
 */
export function applyPendingCommand(
	conversation: Conversation,
	command: Command,
	self: { userId: string },
	queuedAt: number,
): Conversation {
	if (!("conversationId" in command) || command.conversationId !== conversation.id)
		return conversation;
	switch (command.type) {
		case "conversation.setStatus":
			return { ...conversation, status: command.status };
		case "conversation.setPriority":
			return { ...conversation, priority: command.priority };
		case "conversation.addTag":
			return conversation.tags.includes(command.tag)
				? conversation
				: { ...conversation, tags: [...conversation.tags, command.tag] };
		case "conversation.removeTag":
			return { ...conversation, tags: conversation.tags.filter((tag) => tag !== command.tag) };
		case "conversation.assign":
			return conversation.assigneeIds.includes(command.userId)
				? conversation
				: { ...conversation, assigneeIds: [...conversation.assigneeIds, command.userId] };
		case "conversation.unassign":
			return {
				...conversation,
				assigneeIds: conversation.assigneeIds.filter((id) => id !== command.userId),
			};
		case "conversation.join":
			return conversation.participantIds.includes(self.userId)
				? conversation
				: { ...conversation, participantIds: [...conversation.participantIds, self.userId] };
		case "conversation.leave":
			return {
				...conversation,
				participantIds: conversation.participantIds.filter((id) => id !== self.userId),
			};
		case "message.send":
			return {
				...conversation,
				lastTimelineItem: pendingItem({
					itemId: command.itemId,
					conversationId: conversation.id,
					parts: command.parts,
					visibility: "public",
					author: self,
					queuedAt,
				}),
			};
		default:
			return conversation;
	}
}

/** When the conversation last had activity (ISO): its last public item, else its last change. */
export function lastActivity(conversation: Conversation): string {
	return conversation.lastTimelineItem?.createdAt ?? conversation.updatedAt;
}
