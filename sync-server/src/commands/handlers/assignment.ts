import type { BatchContext } from "../../pipeline/batch-context.ts";
import { CommandRejection } from "../../pipeline/command-rejection.ts";
import { agentConversationCommand } from "./agent-command.ts";
import { appendAgentEvent } from "./agent-event.ts";

/** More assignees than this is a mistake (or abuse), not a team. */
const MAX_ASSIGNEES = 20;

/**
 * Assigns the conversation to an agent of its website; emits `assigned` with the assignee as
 * `targetUserId`. Assigning someone already assigned is a no-op.
 */
export const assignConversation = agentConversationCommand(
	"conversation.assign",
	async (ctx, command, agent, conversation) => {
		if (conversation.assigneeIds.includes(command.userId)) return;
		if (conversation.assigneeIds.length >= MAX_ASSIGNEES) {
			throw new CommandRejection(
				"invalid_command",
				`A conversation has at most ${MAX_ASSIGNEES} assignees.`,
			);
		}
		const assignee = await memberName(ctx, conversation.websiteId, command.userId);
		if (assignee === null) {
			throw new CommandRejection(
				"not_found",
				`User ${command.userId} is not an agent of this website.`,
			);
		}
		ctx.conversations.patchMeta(conversation.id, {
			assigneeIds: [...conversation.assigneeIds, command.userId],
		});
		appendAgentEvent(
			ctx,
			conversation.id,
			agent,
			"assigned",
			`${agent.name} assigned the conversation to ${assignee}`,
			{ userId: command.userId },
			command.userId,
		);
	},
);

/** Removes an assignee; emits `unassigned`. Removing someone not assigned is a no-op. */
export const unassignConversation = agentConversationCommand(
	"conversation.unassign",
	async (ctx, command, agent, conversation) => {
		if (!conversation.assigneeIds.includes(command.userId)) return;
		// A former member may still be assigned; the event then names them generically.
		const assignee = (await memberName(ctx, null, command.userId)) ?? "a former agent";
		ctx.conversations.patchMeta(conversation.id, {
			assigneeIds: conversation.assigneeIds.filter((id) => id !== command.userId),
		});
		appendAgentEvent(
			ctx,
			conversation.id,
			agent,
			"unassigned",
			`${agent.name} unassigned ${assignee}`,
			{ userId: command.userId },
			command.userId,
		);
	},
);

/** The user's name if it exists (and, with `websiteId`, is a member of that website). */
async function memberName(
	ctx: BatchContext,
	websiteId: string | null,
	userId: string,
): Promise<string | null> {
	const user = await ctx.tx.user.findFirst({
		where: {
			id: userId,
			...(websiteId ? { memberships: { some: { websiteId } } } : {}),
		},
		select: { name: true },
	});
	return user?.name ?? null;
}
