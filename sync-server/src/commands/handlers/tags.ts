import { LIMITS } from "@cossistant/types";
import { CommandRejection } from "../../pipeline/command-rejection.ts";
import { agentConversationCommand } from "./agent-command.ts";
import { appendAgentEvent } from "./agent-event.ts";

/** Adds a tag; emits `tag_added`. An existing tag is a no-op. */
export const addTag = agentConversationCommand(
	"conversation.addTag",
	(ctx, command, agent, conversation) => {
		if (conversation.tags.includes(command.tag)) return;
		if (conversation.tags.length >= LIMITS.maxTags) {
			throw new CommandRejection(
				"invalid_command",
				`A conversation has at most ${LIMITS.maxTags} tags.`,
			);
		}
		ctx.conversations.patchMeta(conversation.id, { tags: [...conversation.tags, command.tag] });
		appendAgentEvent(
			ctx,
			conversation.id,
			agent,
			"tag_added",
			`${agent.name} added the tag ${command.tag}`,
			{
				tag: command.tag,
			},
		);
	},
);

/** Removes a tag; emits `tag_removed`. A missing tag is a no-op. */
export const removeTag = agentConversationCommand(
	"conversation.removeTag",
	(ctx, command, agent, conversation) => {
		if (!conversation.tags.includes(command.tag)) return;
		ctx.conversations.patchMeta(conversation.id, {
			tags: conversation.tags.filter((tag) => tag !== command.tag),
		});
		appendAgentEvent(
			ctx,
			conversation.id,
			agent,
			"tag_removed",
			`${agent.name} removed the tag ${command.tag}`,
			{
				tag: command.tag,
			},
		);
	},
);
