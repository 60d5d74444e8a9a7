import { agentConversationCommand } from "./agent-command.ts";
import { appendAgentEvent } from "./agent-event.ts";

/** Resolve or reopen; emits `resolved` / `reopened`. Setting the current status is a no-op. */
export const setStatus = agentConversationCommand(
	"conversation.setStatus",
	(ctx, command, agent, conversation) => {
		if (conversation.status === command.status) return;
		const resolved = command.status === "resolved";
		ctx.patchMeta(conversation.id, {
			status: command.status,
			resolvedAt: resolved ? ctx.now : null,
			resolvedById: resolved && agent.kind === "user" ? agent.userId : null,
		});
		appendAgentEvent(
			ctx,
			conversation.id,
			agent,
			resolved ? "resolved" : "reopened",
			resolved
				? `${agent.name} marked the conversation as resolved`
				: `${agent.name} reopened the conversation`,
		);
	},
);
