import type { InboxConversation } from "@cossistant/core/agent";
import { CloudUpload, Flag } from "lucide-react";
import { memo } from "react";
import { navigate } from "../router.ts";
import { Avatar } from "../ui/avatar.tsx";
import { Badge } from "../ui/badge.tsx";
import { cn } from "../ui/cn.ts";
import { fullTime } from "../ui/time-formats.ts";
import { type ContactCard, displayName } from "./contact-directory.ts";
import { previewText } from "./inbox-filter.ts";
import { PRIORITY_BADGE } from "./priority.ts";
import { relativeTime } from "./relative-time.ts";

export interface InboxRowProps {
	conversation: InboxConversation;
	card: ContactCard | undefined;
	/** The conversation open on the right. */
	active: boolean;
	/** The keyboard cursor (j / k). */
	selected: boolean;
	/** The name of an assignee ("you" for the signed-in agent). */
	assigneeName: (userId: string) => string;
	onSelect: (conversationId: string) => void;
}

/** One conversation in the inbox: a link to it, with unread marker, preview and badges. */
export const InboxRow = memo(function InboxRow({
	conversation,
	card,
	active,
	selected,
	assigneeName,
	onSelect,
}: InboxRowProps) {
	const assignees = conversation.assigneeIds.map((id) => ({ id, name: assigneeName(id) }));
	const name = displayName(card, conversation.visitorId);
	const preview = previewText(conversation.lastTimelineItem);
	const fromMe = conversation.lastTimelineItem?.userId && !conversation.unread;
	const priority = PRIORITY_BADGE[conversation.priority];
	return (
		<a
			href={`/dashboard/conversations/${conversation.id}`}
			className={cn(
				"inbox-row group flex h-full items-start gap-3 border-b border-border px-3 py-2.5 text-foreground no-underline outline-none transition-colors hover:bg-accent/60 focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset",
				active && "bg-accent hover:bg-accent",
			)}
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
			<Avatar
				name={name}
				seed={conversation.contactId ?? conversation.visitorId}
				className="mt-0.5"
			/>
			<span className="flex min-w-0 flex-1 flex-col gap-0.5">
				<span className="flex items-baseline gap-2">
					<span
						className={cn(
							"min-w-0 flex-1 truncate",
							conversation.unread ? "font-semibold" : "font-medium",
						)}
					>
						{name}
					</span>
					<time
						className={cn(
							"shrink-0 text-xs tabular-nums",
							conversation.unread ? "font-medium text-primary" : "text-muted-foreground",
						)}
						dateTime={conversation.activityAt}
						title={fullTime(conversation.activityAt)}
					>
						{relativeTime(conversation.activityAt)}
					</time>
				</span>
				<span className="flex items-center gap-2">
					<span
						className={cn(
							"min-w-0 flex-1 truncate text-[13px]",
							conversation.unread ? "text-foreground" : "text-muted-foreground",
						)}
					>
						{fromMe && conversation.lastTimelineItem?.type === "message" ? "You: " : ""}
						{preview || "No messages yet"}
					</span>
					{conversation.unread && (
						<span
							className="unread-dot size-2.5 shrink-0 rounded-full bg-primary"
							role="img"
							aria-label="Unread"
						/>
					)}
				</span>
				{hasBadges(conversation) ? (
					<span className="flex h-5 items-center gap-1 overflow-hidden">
						{conversation.status === "resolved" && (
							<Badge variant="success" className="badge-resolved">
								Resolved
							</Badge>
						)}
						{priority && (
							<Badge
								variant={priority.variant}
								className={`badge-priority-${conversation.priority}`}
							>
								<Flag aria-hidden="true" />
								{priority.label}
							</Badge>
						)}
						{conversation.tags.slice(0, 3).map((tag) => (
							<Badge key={tag} variant="outline" className="badge-tag max-w-28 truncate">
								#{tag}
							</Badge>
						))}
						{conversation.hasPendingChanges && (
							<Badge
								variant="info"
								className="badge-queued"
								title="Changes waiting for the connection"
							>
								<CloudUpload aria-hidden="true" />
								queued
							</Badge>
						)}
						{assignees.length > 0 && (
							<span
								className="ml-auto flex shrink-0 -space-x-1.5"
								title={`Assigned to ${assignees.map((a) => a.name).join(", ")}`}
							>
								<span className="sr-only">
									Assigned to {assignees.map((a) => a.name).join(", ")}
								</span>
								{assignees.slice(0, 3).map((assignee) => (
									<Avatar
										key={assignee.id}
										name={assignee.name}
										seed={assignee.id}
										size="xs"
										className="ring-2 ring-background"
									/>
								))}
							</span>
						)}
					</span>
				) : null}
			</span>
		</a>
	);
});

/** Whether a row has a third line: status, priority, tags, assignees or queued changes. */
export function hasBadges(conversation: InboxConversation): boolean {
	return (
		conversation.status === "resolved" ||
		conversation.priority !== "medium" ||
		conversation.tags.length > 0 ||
		conversation.assigneeIds.length > 0 ||
		conversation.hasPendingChanges
	);
}
