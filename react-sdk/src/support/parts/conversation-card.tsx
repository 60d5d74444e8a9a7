import type { ConversationSummary } from "@cossistant/core";
import { useSupportText } from "../../text/text-context.tsx";

/** A conversation in the home and history lists: title or last message, status. */
export function ConversationCard({
	conversation,
	onOpen,
}: {
	conversation: ConversationSummary;
	onOpen: (conversationId: string) => void;
}) {
	const text = useSupportText();
	const last = conversation.lastTimelineItem;
	const previewText = last ? preview(last.parts) : null;
	return (
		<button
			type="button"
			className="co-conversation-card"
			data-status={conversation.status}
			onClick={() => onOpen(conversation.id)}
		>
			<span className="co-conversation-card-title">
				{conversation.title ?? text("component.conversationCard.untitled")}
			</span>
			<span className="co-conversation-card-preview">
				{previewText ?? text("component.conversationCard.noMessages")}
			</span>
		</button>
	);
}

/** A one-line preview of an item: its text, its event line, or the name of its attachment. */
function preview(
	parts: NonNullable<ConversationSummary["lastTimelineItem"]>["parts"],
): string | null {
	for (const part of parts) {
		if (part.type === "text") return part.text;
		if (part.type === "event") return part.message;
		if (part.name) return `📎 ${part.name}`;
	}
	return null;
}
