import { principalKey } from "../../auth/principal.ts";
import type { CommandHandler } from "../../pipeline/command-handler.ts";
import { requireConversationAccess } from "../access.ts";

/** The principal has seen the conversation up to now (powers unread counts and receipts). */
export const markSeen: CommandHandler<"conversation.markSeen"> = {
	type: "conversation.markSeen",
	allowed: ["visitor", "user"],
	needs: (command) => ({
		conversationIds: [command.conversationId],
		itemIds: [],
		privateDoc: false,
	}),
	handle(ctx, command, principal) {
		requireConversationAccess(ctx, principal, command.conversationId);
		ctx.conversations.markSeen(command.conversationId, principalKey(principal));
	},
};
