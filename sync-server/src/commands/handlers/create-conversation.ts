import { principalKey } from "../../auth/principal.ts";
import type { CommandHandler } from "../../pipeline/command-handler.ts";
import { CommandRejection } from "../../pipeline/command-rejection.ts";
import { actsForWebsite } from "../access.ts";
import { createNewConversation } from "../new-conversation.ts";
import { isAgent } from "./agent-command.ts";

/**
 * An agent or a backend opens a conversation for an existing visitor of its website, with an
 * optional first public message of the team (or of the backend's AI agent). The visitor's
 * `visitor/{id}` list (and its contact's other devices') shows it like one it started.
 */
export const createConversation: CommandHandler<"conversation.create"> = {
	type: "conversation.create",
	allowed: ["user", "backend"],
	needs: (command, principal) => ({
		conversationIds: [command.conversationId],
		itemIds: command.initialMessage ? [command.initialMessage.itemId] : [],
		privateDoc: false,
		visitorIds: [command.visitorId],
		// The new conversation's documents depend on its visitor's website, known only now.
		load: async (ctx) => {
			const visitor = ctx.contacts.visitor(command.visitorId);
			if (!visitor || !isAgent(principal) || !actsForWebsite(principal, visitor.websiteId)) return;
			const owner = {
				id: command.conversationId,
				visitorId: visitor.id,
				websiteId: visitor.websiteId,
			};
			await ctx.conversations.loadDocs([owner], false);
		},
	}),
	handle(ctx, command, principal) {
		if (!isAgent(principal)) {
			throw new CommandRejection("forbidden", "Only agents and backends create conversations.");
		}
		const visitor = ctx.contacts.visitor(command.visitorId);
		// Another website's visitor is reported as missing: its existence is not leaked.
		if (!visitor || !actsForWebsite(principal, visitor.websiteId)) {
			throw new CommandRejection("not_found", `Visitor ${command.visitorId} does not exist.`);
		}
		if (visitor.isBlocked) {
			throw new CommandRejection("visitor_blocked", "This visitor has been blocked from support.");
		}
		createNewConversation(ctx, {
			conversationId: command.conversationId,
			websiteId: visitor.websiteId,
			visitor,
			title: command.title,
			initialItemId: command.initialMessage?.itemId,
		});
		if (command.initialMessage) {
			ctx.conversations.appendItem(command.conversationId, {
				id: command.initialMessage.itemId,
				type: "message",
				parts: command.initialMessage.parts,
				visibility: "public",
				userId: principal.kind === "user" ? principal.userId : null,
				aiAgentId: principal.kind === "backend" ? (principal.aiAgentId ?? null) : null,
			});
		}
		// An agent has seen what it wrote; backends have no unread state.
		if (principal.kind === "user")
			ctx.conversations.markSeen(command.conversationId, principalKey(principal));
	},
};
