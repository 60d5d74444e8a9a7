import { SenderType } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import { principalKey } from "../../auth/principal.ts";
import type { CommandHandler } from "../../pipeline/command-handler.ts";
import { CommandRejection } from "../../pipeline/command-rejection.ts";
import { requireActiveVisitor } from "../access.ts";
import { attachmentUploadIds, ownAttachments } from "../attachments.ts";
import { createNewConversation } from "../new-conversation.ts";

/** A visitor opens a conversation, optionally with the welcome messages and their first message. */
export const startConversation: CommandHandler<"conversation.start"> = {
	type: "conversation.start",
	allowed: ["visitor"],
	needs(command, principal) {
		const visitorId = principal.kind === "visitor" ? principal.visitorId : "";
		const websiteId = principal.kind === "visitor" ? principal.websiteId : "";
		return {
			conversationIds: [command.conversationId],
			itemIds: command.initialMessage ? [command.initialMessage.itemId] : [],
			privateDoc: false,
			creates: { id: command.conversationId, visitorId, websiteId },
			uploadIds: attachmentUploadIds(principal, command.initialMessage?.parts),
		};
	},
	handle(ctx, command, principal) {
		if (principal.kind !== "visitor")
			throw new CommandRejection("forbidden", "Only visitors start conversations here.");
		const visitor = requireActiveVisitor(ctx, principal.visitorId);
		const initialParts = command.initialMessage
			? ownAttachments(
					ctx,
					principal,
					{ websiteId: principal.websiteId, conversationId: command.conversationId },
					command.initialMessage.parts,
				)
			: [];
		createNewConversation(ctx, {
			conversationId: command.conversationId,
			websiteId: principal.websiteId,
			visitor,
			title: command.title,
			initialItemId: command.initialMessage?.itemId,
		});
		// Welcome messages come from the host page's config, i.e. from the browser: they are kept
		// as team messages of no one in particular. A visitor can never attribute text to a real
		// agent (senderId is ignored), nor to an AI agent.
		for (const message of command.defaultMessages ?? []) {
			ctx.conversations.appendItem(command.conversationId, {
				id: uuidv7(),
				type: "message",
				parts: [{ type: "text", text: message.content }],
				visibility: "public",
				visitorId: message.senderType === SenderType.VISITOR ? visitor.id : null,
			});
		}
		if (command.initialMessage) {
			ctx.conversations.appendItem(command.conversationId, {
				id: command.initialMessage.itemId,
				type: "message",
				parts: initialParts,
				visibility: "public",
				visitorId: visitor.id,
			});
		}
		// The visitor has seen what it started with (welcome messages included): nothing unread.
		ctx.conversations.markSeen(command.conversationId, principalKey(principal));
	},
};
