import type { CommandHandler } from "../../pipeline/command-handler.ts";
import { CommandRejection } from "../../pipeline/command-rejection.ts";
import { requireConversationAccess } from "../access.ts";

/** An agent adds an internal note: a private item, stored in the agents-only document. */
export const addNote: CommandHandler<"note.add"> = {
	type: "note.add",
	allowed: ["user", "backend"],
	needs: (command) => ({
		conversationIds: [command.conversationId],
		itemIds: [command.itemId],
		privateDoc: true,
	}),
	handle(ctx, command, principal) {
		if (principal.kind === "visitor")
			throw new CommandRejection("forbidden", "Only agents add internal notes.");
		requireConversationAccess(ctx, principal, command.conversationId);
		ctx.conversations.assertItemIdFree(command.itemId);
		ctx.conversations.appendItem(command.conversationId, {
			id: command.itemId,
			type: "message",
			parts: command.parts,
			visibility: "private",
			userId: principal.kind === "user" ? principal.userId : null,
			aiAgentId: principal.kind === "backend" ? (principal.aiAgentId ?? null) : null,
		});
	},
};
