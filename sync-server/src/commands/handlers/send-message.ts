import { requireConversationAccess } from "../access.ts";
import type { CommandHandler } from "../command-handler.ts";

/** A visitor, an agent or a backend (as an AI agent) posts a public message (text, image, file parts). */
export const sendMessage: CommandHandler<"message.send"> = {
	type: "message.send",
	allowed: ["visitor", "user", "backend"],
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
			// A backend posting as an AI agent; without one the message is the team's, of no one.
			aiAgentId: principal.kind === "backend" ? (principal.aiAgentId ?? null) : null,
		});
	},
};
