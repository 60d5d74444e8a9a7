import type { CommandOf, CommandType } from "@cossistant/types";
import type { UserPrincipal } from "../../auth/principal.ts";
import type { Conversation as ConversationRow } from "../../generated/prisma/client.ts";
import { requireConversationAccess } from "../access.ts";
import type { BatchContext } from "../batch-context.ts";
import type { CommandHandler } from "../command-handler.ts";
import { CommandRejection } from "../command-rejection.ts";

type ConversationCommandType = Extract<CommandType, `conversation.${string}`>;

/**
 * Builds the handler of an agent-only action on an existing conversation: access is checked,
 * then `apply` runs with the agent and the conversation row.
 */
export function agentConversationCommand<T extends ConversationCommandType>(
	type: T,
	apply: (
		ctx: BatchContext,
		command: CommandOf<T>,
		agent: UserPrincipal,
		conversation: ConversationRow,
	) => void,
): CommandHandler<T> {
	return {
		type,
		allowed: ["user"],
		needs: (command) => ({
			conversationIds: [conversationIdOf(command)],
			itemIds: [],
			privateDoc: false,
		}),
		handle(ctx, command, principal) {
			if (principal.kind !== "user")
				throw new CommandRejection("forbidden", `Only agents may ${type}.`);
			const conversation = requireConversationAccess(ctx, principal, conversationIdOf(command));
			apply(ctx, command, principal, conversation);
		},
	};
}

/** Every `conversation.*` command carries a conversationId (TS cannot see it through generics). */
function conversationIdOf(command: { type: string }): string {
	return (command as unknown as { conversationId: string }).conversationId;
}
