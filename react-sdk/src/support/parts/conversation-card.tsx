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
	const preview = last?.parts.find((part) => part.type === "text" || part.type === "event");
	const previewText = preview ? ("text" in preview ? preview.text : preview.message) : null;
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
