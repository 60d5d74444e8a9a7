import { type CommandOf, LIMITS, type UpdateConversationRequest } from "@cossistant/types";
import { ApiError } from "../../errors/api-error.ts";
import type { Conversation as ConversationRow } from "../../generated/prisma/client.ts";

/** Most assignees of a conversation (as the assignment commands enforce). */
const MAX_ASSIGNEES = 20;

type ConversationCommand = CommandOf<
	| "conversation.setStatus"
	| "conversation.setPriority"
	| "conversation.addTag"
	| "conversation.removeTag"
	| "conversation.assign"
	| "conversation.unassign"
	| "conversation.join"
	| "conversation.leave"
>;

/** A command without its id (distributes over the union, so each type keeps its fields). */
type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/** One change of a PATCH: the command (without its id) and a label naming it in the request. */
export interface PlannedChange {
	/** Stable within a request (`tags.add:billing`): derives the command id from an Idempotency-Key. */
	label: string;
	command: WithoutId<ConversationCommand>;
}

/**
 * Turns `PATCH /v1/conversations/:id` into commands, in a fixed order: status, priority, tags
 * removed then added, assignees removed then added, join / leave. Explicit changes are always
 * submitted (the handlers skip no-ops, and a snapshot could be stale); `set` is diffed against
 * the conversation as read just before. Whatever can be refused up front is, so a PATCH does not
 * stop halfway over something knowable: caps, a backend joining, an unknown assignee.
 */
export function planConversationChanges(
	row: ConversationRow,
	body: UpdateConversationRequest,
	options: { isAgentSession: boolean; members: ReadonlySet<string> },
): PlannedChange[] {
	const conversationId = row.id;
	const changes: PlannedChange[] = [];
	if (body.status) {
		changes.push({
			label: `status:${body.status}`,
			command: { type: "conversation.setStatus", conversationId, status: body.status },
		});
	}
	if (body.priority) {
		changes.push({
			label: `priority:${body.priority}`,
			command: { type: "conversation.setPriority", conversationId, priority: body.priority },
		});
	}
	const tags = setDiff(row.tags, body.tags);
	const keptTags = row.tags.filter((tag) => !tags.remove.includes(tag));
	if (new Set([...keptTags, ...tags.add]).size > LIMITS.maxTags) {
		throw invalid("tags", `A conversation has at most ${LIMITS.maxTags} tags.`);
	}
	for (const tag of tags.remove) {
		changes.push({
			label: `tags.remove:${tag}`,
			command: { type: "conversation.removeTag", conversationId, tag },
		});
	}
	for (const tag of tags.add) {
		changes.push({
			label: `tags.add:${tag}`,
			command: { type: "conversation.addTag", conversationId, tag },
		});
	}
	const assignees = setDiff(row.assigneeIds, body.assigneeIds);
	const unknown = assignees.add.filter((id) => !options.members.has(id));
	if (unknown.length > 0) {
		throw invalid("assigneeIds", `Not agents of this website: ${unknown.join(", ")}.`);
	}
	const kept = row.assigneeIds.filter((id) => !assignees.remove.includes(id));
	if (new Set([...kept, ...assignees.add]).size > MAX_ASSIGNEES) {
		throw invalid("assigneeIds", `A conversation has at most ${MAX_ASSIGNEES} assignees.`);
	}
	for (const userId of assignees.remove) {
		changes.push({
			label: `assigneeIds.remove:${userId}`,
			command: { type: "conversation.unassign", conversationId, userId },
		});
	}
	for (const userId of assignees.add) {
		changes.push({
			label: `assigneeIds.add:${userId}`,
			command: { type: "conversation.assign", conversationId, userId },
		});
	}
	if (body.participation) {
		if (!options.isAgentSession) {
			throw new ApiError(
				403,
				"forbidden",
				"Backends do not join or leave conversations; agents do.",
			);
		}
		changes.push({
			label: `participation:${body.participation}`,
			command: {
				type: body.participation === "join" ? "conversation.join" : "conversation.leave",
				conversationId,
			},
		});
	}
	return changes;
}

/** What to add and remove: explicit lists as given (deduplicated), or `set` diffed with `current`. */
function setDiff(
	current: readonly string[],
	change: { add?: string[]; remove?: string[]; set?: string[] } | undefined,
): { add: string[]; remove: string[] } {
	if (!change) return { add: [], remove: [] };
	if (change.set) {
		const target = new Set(change.set);
		return {
			add: [...target].filter((value) => !current.includes(value)),
			remove: current.filter((value) => !target.has(value)),
		};
	}
	const remove = [...new Set(change.remove ?? [])];
	const add = [...new Set(change.add ?? [])].filter((value) => !remove.includes(value));
	return { add, remove };
}

function invalid(path: string, message: string): ApiError {
	return new ApiError(400, "validation_failed", message, [{ path, message }]);
}
