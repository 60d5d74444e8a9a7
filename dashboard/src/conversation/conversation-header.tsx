import type { Conversation, ConversationPriority } from "@cossistant/types";
import {
	ArrowLeft,
	CircleCheck,
	Ellipsis,
	Flag,
	PanelRight,
	RotateCcw,
	UserMinus,
	UserPlus,
} from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { useStore } from "zustand";
import { useDashboard } from "../dashboard-context.tsx";
import { PRIORITIES, PRIORITY_LABEL } from "../inbox/priority.ts";
import { navigate } from "../router.ts";
import { Avatar } from "../ui/avatar.tsx";
import { Badge } from "../ui/badge.tsx";
import { Button } from "../ui/button.tsx";
import { cn } from "../ui/cn.ts";
import { Combobox } from "../ui/combobox.tsx";
import { ConfirmDialog } from "../ui/confirm-dialog.tsx";
import { IconButton } from "../ui/icon-button.tsx";
import { AssigneePicker } from "./assignee-picker.tsx";
import { TagEditor } from "./tag-editor.tsx";

// The overflow menu's code (Radix menu) is a chunk of its own: the conversation paints without it.
const MoreActionsMenu = lazy(() =>
	import("./more-actions-menu.tsx").then((module) => ({ default: module.MoreActionsMenu })),
);

export interface ConversationHeaderProps {
	conversation: Conversation;
	title: string;
	/** Under the name: the contact's email, or how the visitor is known. */
	subtitle: string;
	visitorBlocked: boolean;
	onError: (message: string) => void;
}

const PRIORITY_COLOUR: Record<ConversationPriority, string> = {
	urgent: "text-danger",
	high: "text-warning",
	medium: "text-muted-foreground",
	low: "text-muted-foreground opacity-60",
};

/**
 * The conversation's name and status, and every action on it: resolve / reopen and assign as
 * icon buttons (with their shortcuts), priority, assignees and tags as searchable lists, join /
 * leave and block / unblock in the overflow menu. Each queues a command (offline too); the
 * server adds its event item to the timeline.
 */
export function ConversationHeader({
	conversation,
	title,
	subtitle,
	visitorBlocked,
	onError,
}: ConversationHeaderProps) {
	const { client, agents, user } = useDashboard();
	useStore(agents.state, (state) => state.agents);
	// Blocking ends the visitor's support at once: asked first. Unblocking is not.
	const [confirmingBlock, setConfirmingBlock] = useState(false);
	const run = (action: Promise<unknown>) =>
		void action.catch((error: unknown) =>
			onError(error instanceof Error ? error.message : "The action could not be queued."),
		);
	const conversationId = conversation.id;
	const resolved = conversation.status === "resolved";
	const assignedToMe = conversation.assigneeIds.includes(user.id);
	const participating = conversation.participantIds.includes(user.id);
	const moreTrigger = <IconButton label="More actions" icon={<Ellipsis aria-hidden="true" />} />;
	const toggleAssign = () =>
		run(assignedToMe ? client.unassign(conversationId) : client.assign(conversationId));
	return (
		<header className="flex shrink-0 flex-col gap-2 border-b border-border px-2 py-2 md:px-4 md:py-3">
			<div className="flex items-center gap-2 md:gap-3">
				<IconButton
					className="md:hidden"
					label="Back to inbox"
					icon={<ArrowLeft aria-hidden="true" />}
					onClick={() => navigate({ page: "inbox" })}
				/>
				<Avatar name={title} seed={conversation.contactId ?? conversation.visitorId} />
				<div className="flex min-w-0 flex-1 flex-col">
					<h2 className="m-0 truncate text-base font-semibold">{title}</h2>
					<p className="m-0 truncate text-xs text-muted-foreground">{subtitle}</p>
				</div>
				<div className="flex shrink-0 items-center gap-0.5">
					<IconButton
						label={resolved ? "Reopen" : "Resolve"}
						shortcut="R"
						icon={resolved ? <RotateCcw aria-hidden="true" /> : <CircleCheck aria-hidden="true" />}
						className={cn(!resolved && "text-success hover:text-success")}
						onClick={() => run(client.setStatus(conversationId, resolved ? "open" : "resolved"))}
					/>
					<IconButton
						className="max-md:hidden"
						label={assignedToMe ? "Unassign me" : "Assign to me"}
						shortcut="A"
						icon={assignedToMe ? <UserMinus aria-hidden="true" /> : <UserPlus aria-hidden="true" />}
						onClick={toggleAssign}
					/>
					<IconButton
						className="xl:hidden"
						label="Contact details"
						icon={<PanelRight aria-hidden="true" />}
						onClick={() => navigate({ page: "contact", conversationId })}
					/>
					<Suspense fallback={moreTrigger}>
						<MoreActionsMenu
							trigger={moreTrigger}
							assignedToMe={assignedToMe}
							participating={participating}
							visitorBlocked={visitorBlocked}
							onToggleAssign={toggleAssign}
							onToggleJoin={() =>
								run(participating ? client.leave(conversationId) : client.join(conversationId))
							}
							onToggleBlock={() =>
								visitorBlocked
									? run(client.unblockVisitor(conversation.visitorId, conversationId))
									: setConfirmingBlock(true)
							}
						/>
					</Suspense>
					{confirmingBlock ? (
						<ConfirmDialog
							title={`Block ${title}?`}
							confirmLabel="Block visitor"
							onCancel={() => setConfirmingBlock(false)}
							onConfirm={() => {
								setConfirmingBlock(false);
								run(client.blockVisitor(conversation.visitorId, conversationId));
							}}
						>
							<p>
								They can no longer send messages or open their conversations, on every device, until
								you unblock them.
							</p>
						</ConfirmDialog>
					) : null}
				</div>
			</div>
			<div className="flex flex-wrap items-center gap-1.5 md:pl-12">
				<Badge
					variant={resolved ? "success" : "info"}
					className="h-7 px-2"
					data-testid="conversation-status"
				>
					{resolved ? "Resolved" : "Open"}
				</Badge>
				<Combobox
					label="Priority"
					portal={false}
					options={PRIORITIES.map((priority) => ({
						value: priority,
						label: PRIORITY_LABEL[priority],
						icon: <Flag className={PRIORITY_COLOUR[priority]} aria-hidden="true" />,
					}))}
					selected={[conversation.priority]}
					onSelect={(value) => {
						if (value !== conversation.priority)
							run(client.setPriority(conversationId, value as ConversationPriority));
					}}
					trigger={
						<Button
							variant="outline"
							size="sm"
							className="h-7 gap-1 px-2 text-xs font-normal"
							aria-label={`Priority: ${PRIORITY_LABEL[conversation.priority]}`}
						>
							<Flag className={PRIORITY_COLOUR[conversation.priority]} aria-hidden="true" />
							{PRIORITY_LABEL[conversation.priority]}
						</Button>
					}
				/>
				<AssigneePicker conversation={conversation} run={run} />
				<TagEditor conversation={conversation} run={run} />
			</div>
		</header>
	);
}
