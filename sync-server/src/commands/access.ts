import type { AgentPrincipal, Principal } from "../auth/principal.ts";
import type { Conversation as ConversationRow } from "../generated/prisma/client.ts";
import type { BatchContext } from "../pipeline/batch-context.ts";
import { CommandRejection } from "../pipeline/command-rejection.ts";

/**
 * Loads a conversation the principal may act on, or rejects.
 * Visitors get `not_found` for conversations that are not theirs: existence is not leaked.
 * Agents must be members of the conversation's website; backends must hold its private key.
 */
export function requireConversationAccess(
	ctx: BatchContext,
	principal: Principal,
	conversationId: string,
): ConversationRow {
	const conversation = ctx.conversations.get(conversationId);
	if (principal.kind !== "visitor") {
		if (!conversation)
			throw new CommandRejection("not_found", `Conversation ${conversationId} does not exist.`);
		if (!actsForWebsite(principal, conversation.websiteId)) {
			throw new CommandRejection(
				"forbidden",
				"You are not an agent of this conversation's website.",
			);
		}
		return conversation;
	}
	const visitor = requireActiveVisitor(ctx, principal.visitorId);
	const owns =
		conversation &&
		(conversation.visitorId === visitor.id ||
			(conversation.contactId !== null && conversation.contactId === visitor.contactId));
	if (!conversation || !owns) {
		throw new CommandRejection("not_found", `Conversation ${conversationId} does not exist.`);
	}
	return conversation;
}

/** Whether an agent or backend may act on the website's conversations and visitors. */
export function actsForWebsite(principal: AgentPrincipal, websiteId: string): boolean {
	return principal.kind === "user"
		? principal.websiteIds.has(websiteId)
		: principal.websiteId === websiteId;
}

/** The visitor's facts, rejecting blocked or unknown visitors. */
export function requireActiveVisitor(ctx: BatchContext, visitorId: string) {
	const visitor = ctx.contacts.visitor(visitorId);
	if (!visitor) throw new CommandRejection("forbidden", "Unknown visitor.");
	if (visitor.isBlocked)
		throw new CommandRejection("visitor_blocked", "This visitor has been blocked from support.");
	return visitor;
}

/** Display name of an acting principal in event lines ("Sarah resolved the conversation"). */
export function actorName(principal: Principal): string {
	return principal.kind === "visitor" ? "The visitor" : principal.name;
}
