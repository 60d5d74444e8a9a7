import type { Conversation } from "@cossistant/types";
import {
	conversationLabel,
	conversationPreview,
	fullTime,
	lastActivity,
	relativeTime,
} from "./format.ts";

/** Props of {@link ConversationList}. */
export interface ConversationListProps {
	/** The person's other conversations, most recent activity first. */
	conversations: Conversation[];
	onOpen: (conversationId: string) => void;
}

const STATUS_LABEL: Record<Conversation["status"], string> = { open: "Open", resolved: "Resolved" };

/** The person's other conversations: title, last activity and status; each opens on click. */
export function ConversationList({ conversations, onOpen }: ConversationListProps) {
	return (
		<div className="dash-cp-block">
			<h3 className="dash-cp-subheading">Other conversations</h3>
			{conversations.length === 0 ? (
				<p className="dash-cp-muted">No other conversation.</p>
			) : (
				<ul className="dash-cp-list" aria-label="Other conversations">
					{conversations.map((conversation) => {
						const label = conversationLabel(conversation);
						const preview = conversation.title ? conversationPreview(conversation) : "";
						const at = lastActivity(conversation);
						return (
							<li key={conversation.id}>
								<button
									type="button"
									className="dash-cp-conversation"
									onClick={() => onOpen(conversation.id)}
									aria-label={`Open conversation “${label}”, ${STATUS_LABEL[conversation.status].toLowerCase()}, last activity ${relativeTime(at)}`}
								>
									<span className="dash-cp-conversation-top">
										<span className="dash-cp-strong dash-cp-ellipsis">{label}</span>
										<span className="dash-cp-badge" data-status={conversation.status}>
											{STATUS_LABEL[conversation.status]}
										</span>
									</span>
									{preview ? (
										<span className="dash-cp-muted dash-cp-ellipsis">{preview}</span>
									) : null}
									<time className="dash-cp-muted" dateTime={at} title={fullTime(at)}>
										{relativeTime(at)}
									</time>
								</button>
							</li>
						);
					})}
				</ul>
			)}
		</div>
	);
}
