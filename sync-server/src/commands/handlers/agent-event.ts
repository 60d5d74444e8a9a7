import type { TimelineEventType } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import type { AgentPrincipal } from "../../auth/principal.ts";
import type { BatchContext } from "../../pipeline/batch-context.ts";

/** One event part of an agent's event item. */
export interface AgentEventSpec {
	eventType: TimelineEventType;
	message: string;
	data?: Record<string, unknown>;
	targetUserId?: string | null;
}

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
	appendAgentEvents(ctx, conversationId, agent, [{ eventType, message, data, targetUserId }]);
}

/**
 * Appends one event item whose parts are several events of one action, e.g. `resolved` and
 * the `status_changed` it implies: the timeline shows one line per action, and clients that
 * only look for one of the event types still find it.
 */
export function appendAgentEvents(
	ctx: BatchContext,
	conversationId: string,
	agent: AgentPrincipal,
	events: readonly AgentEventSpec[],
): void {
	const userId = agent.kind === "user" ? agent.userId : null;
	const aiAgentId = agent.kind === "backend" ? (agent.aiAgentId ?? null) : null;
	ctx.conversations.appendItem(conversationId, {
		id: uuidv7(),
		type: "event",
		visibility: "public",
		userId,
		aiAgentId,
		parts: events.map((event) => ({
			type: "event" as const,
			eventType: event.eventType,
			actorUserId: userId,
			...(aiAgentId ? { actorAiAgentId: aiAgentId } : {}),
			targetUserId: event.targetUserId ?? null,
			message: event.message,
			...(event.data ? { data: event.data } : {}),
		})),
	});
}
