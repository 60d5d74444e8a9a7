import { agentConversationCommand } from "./agent-command.ts";
import { appendAgentEvents } from "./agent-event.ts";

/**
 * Resolve or reopen. Emits one event item with two parts: `resolved` / `reopened`, then the
 * `status_changed` it implies (`data: { from, to }`), both event types the docs list. Setting
 * the current status is a no-op.
 */
export const setStatus = agentConversationCommand(
	"conversation.setStatus",
	(ctx, command, agent, conversation) => {
		if (conversation.status === command.status) return;
		const resolved = command.status === "resolved";
		// Read before the patch: the row is updated in place.
		const from = conversation.status;
		ctx.conversations.patchMeta(conversation.id, {
			status: command.status,
			resolvedAt: resolved ? ctx.now : null,
			resolvedById: resolved && agent.kind === "user" ? agent.userId : null,
		});
		const message = resolved
			? `${agent.name} marked the conversation as resolved`
			: `${agent.name} reopened the conversation`;
		appendAgentEvents(ctx, conversation.id, agent, [
			{ eventType: resolved ? "resolved" : "reopened", message },
			{
				eventType: "status_changed",
				message,
				data: { from, to: command.status },
			},
		]);
	},
);
