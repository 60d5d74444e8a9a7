import type { InboxConversation } from "@cossistant/core/agent";
import { memo } from "react";
import { navigate } from "../router.ts";
import { type ContactCard, displayName } from "./contact-directory.ts";
import { previewText } from "./inbox-filter.ts";
import { fullTime, relativeTime } from "./relative-time.ts";

export interface InboxRowProps {
	conversation: InboxConversation;
	card: ContactCard | undefined;
	/** The conversation open on the right. */
	active: boolean;
	/** The keyboard cursor (j / k). */
	selected: boolean;
	/** Assignee names. */
	assignees: string[];
	onSelect: (conversationId: string) => void;
}

/** One conversation in the inbox: a link to it, with unread marker, preview and badges. */
export const InboxRow = memo(function InboxRow({
	conversation,
	card,
	active,
	selected,
	assignees,
	onSelect,
}: InboxRowProps) {
	const name = displayName(card, conversation.visitorId);
	const preview = previewText(conversation.lastTimelineItem);
	const fromMe = conversation.lastTimelineItem?.userId && !conversation.unread;
	return (
		<a
			href={`/dashboard/conversations/${conversation.id}`}
			className="inbox-row"
			data-row-id={conversation.id}
			data-unread={conversation.unread}
			data-selected={selected}
			data-status={conversation.status}
			aria-current={active ? "page" : undefined}
			tabIndex={selected ? 0 : -1}
			onFocus={() => onSelect(conversation.id)}
			onClick={(event) => {
				if (event.metaKey || event.ctrlKey || event.shiftKey) return;
				event.preventDefault();
				navigate({ page: "conversation", conversationId: conversation.id });
			}}
		>
			<span className="row-top">
				{conversation.unread && <span className="unread-dot" role="img" aria-label="Unread" />}
				<span className="row-name">{name}</span>
				<time
					className="row-time"
					dateTime={conversation.activityAt}
					title={fullTime(conversation.activityAt)}
				>
					{relativeTime(conversation.activityAt)}
				</time>
			</span>
			<span className="row-preview">
				{fromMe && conversation.lastTimelineItem?.type === "message" ? "You: " : ""}
				{preview || "No messages yet"}
			</span>
			<span className="row-badges">
				{conversation.status === "resolved" && (
					<span className="badge badge-resolved">Resolved</span>
				)}
				{conversation.priority !== "medium" && (
					<span className={`badge badge-priority-${conversation.priority}`}>
						{conversation.priority}
					</span>
				)}
				{conversation.tags.slice(0, 3).map((tag) => (
					<span key={tag} className="badge badge-tag">
						#{tag}
					</span>
				))}
				{assignees.length > 0 && <span className="badge">→ {assignees.join(", ")}</span>}
				{conversation.hasPendingChanges && (
					<span className="badge badge-queued" title="Changes waiting for the connection">
						queued
					</span>
				)}
			</span>
		</a>
	);
});
