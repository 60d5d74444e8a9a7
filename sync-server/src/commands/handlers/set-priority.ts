import { agentConversationCommand } from "./agent-command.ts";
import { appendAgentEvent } from "./agent-event.ts";

/** Changes the priority; emits `priority_changed` with `{ from, to }`. */
export const setPriority = agentConversationCommand(
	"conversation.setPriority",
	(ctx, command, agent, conversation) => {
		if (conversation.priority === command.priority) return;
		const from = conversation.priority;
		ctx.conversations.patchMeta(conversation.id, { priority: command.priority });
		appendAgentEvent(
			ctx,
			conversation.id,
			agent,
			"priority_changed",
			`${agent.name} changed the priority to ${command.priority}`,
			{ from, to: command.priority },
		);
	},
);
