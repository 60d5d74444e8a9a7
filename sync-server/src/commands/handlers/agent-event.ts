import type { TimelineEventType } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import type { UserPrincipal } from "../../auth/principal.ts";
import type { BatchContext } from "../batch-context.ts";

/** Appends the public event item an agent action implies ("Sarah resolved the conversation"). */
export function appendAgentEvent(
	ctx: BatchContext,
	conversationId: string,
	agent: UserPrincipal,
	eventType: TimelineEventType,
	message: string,
	data?: Record<string, unknown>,
): void {
	ctx.appendItem(conversationId, {
		id: uuidv7(),
		type: "event",
		visibility: "public",
		userId: agent.userId,
		parts: [
			{
				type: "event",
				eventType,
				actorUserId: agent.userId,
				targetUserId: null,
				message,
				...(data ? { data } : {}),
			},
		],
	});
}
