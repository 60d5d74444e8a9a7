import type { Conversation, ConversationPriority } from "@cossistant/types";
import { useId, useState } from "react";
import { useStore } from "zustand";
import { useDashboard } from "../dashboard-context.tsx";
import { navigate } from "../router.ts";

export interface ConversationHeaderProps {
	conversation: Conversation;
	title: string;
	visitorBlocked: boolean;
	onError: (message: string) => void;
}

/**
 * Name, status and every action on the conversation: resolve / reopen, priority, tags, assign,
 * join / leave, block / unblock. Each queues a command (offline too); the server adds its event
 * item to the timeline.
 */
export function ConversationHeader({
	conversation,
	title,
	visitorBlocked,
	onError,
}: ConversationHeaderProps) {
	const { client, agents, user } = useDashboard();
	const agentList = useStore(agents.state, (state) => state.agents);
	const [tag, setTag] = useState("");
	const id = useId();
	const run = (action: Promise<unknown>) =>
		void action.catch((error: unknown) =>
			onError(error instanceof Error ? error.message : "The action could not be queued."),
		);
	const conversationId = conversation.id;
	const resolved = conversation.status === "resolved";
	const assignedToMe = conversation.assigneeIds.includes(user.id);
	const participating = conversation.participantIds.includes(user.id);
	const addTag = () => {
		const value = tag.trim();
		if (!value) return;
		setTag("");
		if (!conversation.tags.includes(value)) run(client.addTag(conversationId, value));
	};
	return (
		<header className="conversation-header">
			<div className="conversation-title-row">
				<button
					type="button"
					className="back-button"
					onClick={() => navigate({ page: "inbox" })}
					aria-label="Back to inbox"
				>
					←
				</button>
				<h2 className="conversation-title">{title}</h2>
				<span className={`badge badge-${conversation.status}`} data-testid="conversation-status">
					{resolved ? "Resolved" : "Open"}
				</span>
				<button
					type="button"
					className={resolved ? "" : "primary"}
					onClick={() => run(client.setStatus(conversationId, resolved ? "open" : "resolved"))}
					aria-keyshortcuts="r"
				>
					{resolved ? "Reopen" : "Resolve"}
				</button>
			</div>
			<div className="conversation-actions">
				<label>
					<span className="action-label">Priority</span>
					<select
						value={conversation.priority}
						onChange={(event) =>
							run(client.setPriority(conversationId, event.target.value as ConversationPriority))
						}
					>
						<option value="low">Low</option>
						<option value="medium">Medium</option>
						<option value="high">High</option>
						<option value="urgent">Urgent</option>
					</select>
				</label>
				<button
					type="button"
					onClick={() =>
						run(assignedToMe ? client.unassign(conversationId) : client.assign(conversationId))
					}
					aria-keyshortcuts="a"
				>
					{assignedToMe ? "Unassign me" : "Assign to me"}
				</button>
				<label>
					<span className="action-label">Assignees</span>
					<select
						value=""
						onChange={(event) => {
							const userId = event.target.value;
							if (!userId) return;
							run(
								conversation.assigneeIds.includes(userId)
									? client.unassign(conversationId, userId)
									: client.assign(conversationId, userId),
							);
						}}
					>
						<option value="">
							{conversation.assigneeIds.length === 0
								? "Unassigned"
								: conversation.assigneeIds
										.map((assignee) => (assignee === user.id ? "You" : agents.name(assignee)))
										.join(", ")}
						</option>
						{agentList.map((agent) => (
							<option key={agent.id} value={agent.id}>
								{conversation.assigneeIds.includes(agent.id) ? "Unassign " : "Assign "}
								{agent.id === user.id ? `${agent.name} (you)` : agent.name}
							</option>
						))}
					</select>
				</label>
				<button
					type="button"
					onClick={() =>
						run(participating ? client.leave(conversationId) : client.join(conversationId))
					}
				>
					{participating ? "Leave" : "Join"}
				</button>
				<button
					type="button"
					className={visitorBlocked ? "" : "danger"}
					onClick={() =>
						run(
							visitorBlocked
								? client.unblockVisitor(conversation.visitorId, conversationId)
								: client.blockVisitor(conversation.visitorId, conversationId),
						)
					}
				>
					{visitorBlocked ? "Unblock visitor" : "Block visitor"}
				</button>
			</div>
			<div className="tags-row">
				<ul className="tag-list" aria-label="Tags">
					{conversation.tags.map((value) => (
						<li key={value} className="badge badge-tag">
							#{value}
							<button
								type="button"
								className="tag-remove"
								aria-label={`Remove tag ${value}`}
								onClick={() => run(client.removeTag(conversationId, value))}
							>
								×
							</button>
						</li>
					))}
				</ul>
				<form
					className="tag-form"
					onSubmit={(event) => {
						event.preventDefault();
						addTag();
					}}
				>
					<label htmlFor={`${id}-tag`} className="visually-hidden">
						Add a tag
					</label>
					<input
						id={`${id}-tag`}
						value={tag}
						maxLength={64}
						placeholder="Add tag"
						onChange={(event) => setTag(event.target.value)}
					/>
					<button type="submit">Add</button>
				</form>
			</div>
		</header>
	);
}
