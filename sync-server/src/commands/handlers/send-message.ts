import { requireConversationAccess } from "../access.ts";
import type { CommandHandler } from "../command-handler.ts";

/** A visitor or an agent posts a public message (text, image and file parts). */
export const sendMessage: CommandHandler<"message.send"> = {
	type: "message.send",
	allowed: ["visitor", "user"],
	needs: (command) => ({
		conversationIds: [command.conversationId],
		itemIds: [command.itemId],
		privateDoc: false,
	}),
	handle(ctx, command, principal) {
		requireConversationAccess(ctx, principal, command.conversationId);
		ctx.assertItemIdFree(command.itemId);
		ctx.appendItem(command.conversationId, {
			id: command.itemId,
			type: "message",
			parts: command.parts,
			visibility: "public",
			visitorId: principal.kind === "visitor" ? principal.visitorId : null,
			userId: principal.kind === "user" ? principal.userId : null,
		});
	},
};
