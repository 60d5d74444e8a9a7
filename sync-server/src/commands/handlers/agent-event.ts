import type { TimelineEventType } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import type { AgentPrincipal } from "../../auth/principal.ts";
import type { BatchContext } from "../batch-context.ts";

/**
 * Appends the public event item an agent action implies ("Sarah resolved the conversation").
 * A backend acting as an AI agent is the item's `aiAgentId` and the event's `actorAiAgentId`.
 */
export function appendAgentEvent(
	ctx: BatchContext,
	conversationId: string,
	agent: AgentPrincipal,
	eventType: TimelineEventType,
	message: string,
	data?: Record<string, unknown>,
	targetUserId: string | null = null,
): void {
	const userId = agent.kind === "user" ? agent.userId : null;
	const aiAgentId = agent.kind === "backend" ? (agent.aiAgentId ?? null) : null;
	ctx.appendItem(conversationId, {
		id: uuidv7(),
		type: "event",
		visibility: "public",
		userId,
		aiAgentId,
		parts: [
			{
				type: "event",
				eventType,
				actorUserId: userId,
				...(aiAgentId ? { actorAiAgentId: aiAgentId } : {}),
				targetUserId,
				message,
				...(data ? { data } : {}),
			},
		],
	});
}
