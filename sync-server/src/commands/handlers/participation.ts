import { CommandRejection } from "../../pipeline/command-rejection.ts";
import { agentConversationCommand } from "./agent-command.ts";
import { appendAgentEvent } from "./agent-event.ts";

/** The agent joins; emits `participant_joined`. Joining twice is a no-op. */
export const joinConversation = agentConversationCommand(
	"conversation.join",
	(ctx, _command, agent, conversation) => {
		if (agent.kind !== "user") throw new CommandRejection("forbidden", "Only agents join.");
		if (conversation.participantIds.includes(agent.userId)) return;
		ctx.conversations.patchMeta(conversation.id, {
			participantIds: [...conversation.participantIds, agent.userId],
		});
		appendAgentEvent(
			ctx,
			conversation.id,
			agent,
			"participant_joined",
			`${agent.name} joined the conversation`,
		);
	},
	["user"],
);

/** The agent leaves; emits `participant_left`. Leaving when absent is a no-op. */
export const leaveConversation = agentConversationCommand(
	"conversation.leave",
	(ctx, _command, agent, conversation) => {
		if (agent.kind !== "user") throw new CommandRejection("forbidden", "Only agents leave.");
		if (!conversation.participantIds.includes(agent.userId)) return;
		ctx.conversations.patchMeta(conversation.id, {
			participantIds: conversation.participantIds.filter((id) => id !== agent.userId),
		});
		appendAgentEvent(
			ctx,
			conversation.id,
			agent,
			"participant_left",
			`${agent.name} left the conversation`,
		);
	},
	["user"],
);
