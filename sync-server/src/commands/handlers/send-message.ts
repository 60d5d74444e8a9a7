import type { CommandHandler } from "../../pipeline/command-handler.ts";
import { requireConversationAccess } from "../access.ts";
import { attachmentUploadIds, ownAttachments } from "../attachments.ts";

/** A visitor, an agent or a backend (as an AI agent) posts a public message (text, image, file parts). */
export const sendMessage: CommandHandler<"message.send"> = {
	type: "message.send",
	allowed: ["visitor", "user", "backend"],
	needs: (command, principal) => ({
		conversationIds: [command.conversationId],
		itemIds: [command.itemId],
		privateDoc: false,
		uploadIds: attachmentUploadIds(principal, command.parts),
	}),
	handle(ctx, command, principal) {
		const conversation = requireConversationAccess(ctx, principal, command.conversationId);
		const { websiteId } = conversation;
		const parts = ownAttachments(
			ctx,
			principal,
			{ websiteId, conversationId: command.conversationId },
			command.parts,
		);
		ctx.conversations.assertItemIdFree(command.itemId);
		// An AI agent that answers takes part in the conversation, as a human agent who joins.
		const aiAgentId = principal.kind === "backend" ? principal.aiAgentId : undefined;
		if (aiAgentId && !conversation.participantIds.includes(aiAgentId)) {
			ctx.conversations.patchMeta(conversation.id, {
				participantIds: [...conversation.participantIds, aiAgentId],
			});
		}
		ctx.conversations.appendItem(command.conversationId, {
			id: command.itemId,
			type: "message",
			parts,
			visibility: "public",
			visitorId: principal.kind === "visitor" ? principal.visitorId : null,
			userId: principal.kind === "user" ? principal.userId : null,
			// A backend posting as an AI agent; without one the message is the team's, of no one.
			aiAgentId: principal.kind === "backend" ? (principal.aiAgentId ?? null) : null,
		});
	},
};
