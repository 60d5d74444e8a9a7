import type { ConversationSummary } from "@cossistant/core";
import type { ReactNode } from "react";
import { useSupportText } from "../../text/text-context.tsx";
import { ChevronIcon, FileIcon } from "./icons.tsx";

/** A conversation in the home and history lists: title, last message, status. */
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
			<span className="co-conversation-card-text">
				<span className="co-conversation-card-title">
					{conversation.title ?? text("component.conversationCard.untitled")}
				</span>
				<span className="co-conversation-card-preview">
					{previewText ?? text("component.conversationCard.noMessages")}
				</span>
			</span>
			<ChevronIcon size={18} />
		</button>
	);
}

/** A one-line preview of an item: its text, its event line, or its attachment's name. */
function preview(parts: NonNullable<ConversationSummary["lastTimelineItem"]>["parts"]): ReactNode {
	for (const part of parts) {
		if (part.type === "text") return part.text;
		if (part.type === "event") return part.message;
		if (part.name) {
			return (
				<>
					<FileIcon size={14} /> {part.name}
				</>
			);
		}
	}
	return null;
}
