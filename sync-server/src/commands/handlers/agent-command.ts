import type { CommandOf, CommandType } from "@cossistant/types";
import type { AgentPrincipal, Principal } from "../../auth/principal.ts";
import type { Conversation as ConversationRow } from "../../generated/prisma/client.ts";
import type { BatchContext } from "../../pipeline/batch-context.ts";
import type { CommandHandler } from "../../pipeline/command-handler.ts";
import { CommandRejection } from "../../pipeline/command-rejection.ts";
import { requireConversationAccess } from "../access.ts";

type ConversationCommandType = Extract<CommandType, `conversation.${string}`>;

/**
 * Builds the handler of a support-team action on an existing conversation: access is checked,
 * then `apply` runs with the acting agent (or backend) and the conversation row. `apply` may
 * read asynchronously before it writes (BatchContext's check-then-write contract).
 */
export function agentConversationCommand<T extends ConversationCommandType>(
	type: T,
	apply: (
		ctx: BatchContext,
		command: CommandOf<T>,
		agent: AgentPrincipal,
		conversation: ConversationRow,
	) => void | Promise<void>,
	allowed: ReadonlyArray<AgentPrincipal["kind"]> = ["user", "backend"],
): CommandHandler<T> {
	return {
		type,
		allowed,
		needs: (command) => ({
			conversationIds: [conversationIdOf(command)],
			itemIds: [],
			privateDoc: false,
		}),
		async handle(ctx, command, principal) {
			if (!isAgent(principal) || !allowed.includes(principal.kind))
				throw new CommandRejection("forbidden", `Only agents may ${type}.`);
			const conversation = requireConversationAccess(ctx, principal, conversationIdOf(command));
			await apply(ctx, command, principal, conversation);
		},
	};
}

/** Whether the principal acts for the support team (an agent or a backend). */
export function isAgent(principal: Principal): principal is AgentPrincipal {
	return principal.kind === "user" || principal.kind === "backend";
}

/** Every `conversation.*` command carries a conversationId (TS cannot see it through generics). */
function conversationIdOf(command: { type: string }): string {
	return (command as unknown as { conversationId: string }).conversationId;
}
