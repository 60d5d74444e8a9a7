import type { CommandOf } from "@cossistant/types";
import type { CommandHandler } from "../../pipeline/command-handler.ts";
import { CommandRejection } from "../../pipeline/command-rejection.ts";
import { actsForWebsite, requireConversationAccess } from "../access.ts";
import { isAgent } from "./agent-command.ts";
import { appendAgentEvent } from "./agent-event.ts";

type BlockCommandType = "visitor.block" | "visitor.unblock";
type BlockCommand = CommandOf<BlockCommandType>;

/**
 * Blocks (or unblocks) a visitor of the agent's website. A blocked visitor's commands are
 * rejected (`visitor_blocked`), its documents refused, and its open sockets closed once the
 * block is committed. With `conversationId` (one of the visitor's conversations) the change is
 * recorded there as a `visitor_blocked` / `visitor_unblocked` event. No-op when already so.
 */
function visitorBlockCommand<T extends BlockCommandType>(type: T): CommandHandler<T> {
	const blocking = type === "visitor.block";
	return {
		type,
		allowed: ["user", "backend"],
		needs: (raw) => {
			const command = raw as BlockCommand;
			return {
				conversationIds: command.conversationId ? [command.conversationId] : [],
				itemIds: [],
				privateDoc: false,
				visitorIds: [command.visitorId],
			};
		},
		handle(ctx, raw, principal) {
			// Both command types have the same fields (TS cannot see it through the generic).
			const command = raw as BlockCommand;
			if (!isAgent(principal)) throw new CommandRejection("forbidden", `Only agents may ${type}.`);
			const visitor = ctx.contacts.visitor(command.visitorId);
			// Another website's visitor is reported as missing: its existence is not leaked.
			if (!visitor || !actsForWebsite(principal, visitor.websiteId)) {
				throw new CommandRejection("not_found", `Visitor ${command.visitorId} does not exist.`);
			}
			const conversation = command.conversationId
				? requireConversationAccess(ctx, principal, command.conversationId)
				: null;
			if (
				conversation &&
				conversation.visitorId !== visitor.id &&
				(conversation.contactId === null || conversation.contactId !== visitor.contactId)
			) {
				throw new CommandRejection(
					"invalid_command",
					"The conversation does not belong to this visitor.",
				);
			}
			if (visitor.isBlocked === blocking) return;

			ctx.contacts.setVisitorBlocked(
				visitor.id,
				blocking,
				principal.kind === "user" ? principal.userId : null,
			);
			ctx.addEffect({
				type: blocking ? "visitorBlocked" : "visitorUnblocked",
				visitorId: visitor.id,
			});
			if (conversation) {
				appendAgentEvent(
					ctx,
					conversation.id,
					principal,
					blocking ? "visitor_blocked" : "visitor_unblocked",
					blocking
						? `${principal.name} blocked the visitor`
						: `${principal.name} unblocked the visitor`,
					{ visitorId: visitor.id },
				);
			}
		},
	};
}

/** `visitor.block`: the visitor can send nothing and open nothing until unblocked. */
export const blockVisitor = visitorBlockCommand("visitor.block");
/** `visitor.unblock`: lifts the block. */
export const unblockVisitor = visitorBlockCommand("visitor.unblock");
