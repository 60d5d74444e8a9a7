import type { TimelineItemView } from "@cossistant/core";
import type { AgentConversation } from "@cossistant/core/agent";
import { ArrowLeft } from "lucide-react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useStore } from "zustand";
import { useDashboard } from "../dashboard-context.tsx";
import { displayName } from "../inbox/contact-directory.ts";
import { useContactCard } from "../inbox/use-contact-card.ts";
import { navigate } from "../router.ts";
import { ContactPanelSlot } from "../shell/team-panels.tsx";
import { Button } from "../ui/button.tsx";
import { IconButton } from "../ui/icon-button.tsx";
import { notify } from "../ui/notify.ts";
import { Skeleton } from "../ui/skeleton.tsx";
import { Composer } from "./composer.tsx";
import { ConversationHeader } from "./conversation-header.tsx";
import { Timeline } from "./timeline.tsx";

/**
 * One conversation: header with actions, timeline (public items and internal notes), typing
 * indicator, composer, and the contact panel beside it. Opening it marks it read (seen receipt
 * for the visitor) while the page is visible.
 */
export function ConversationPane({
	conversationId,
	panel,
}: {
	conversationId: string;
	/** On narrow screens the contact panel replaces the conversation ("open") or is hidden. */
	panel: "open" | "closed";
}) {
	const { client } = useDashboard();
	const [view, setView] = useState<AgentConversation | null>(null);
	// Acquired in an effect (not during render) so StrictMode's double mount releases cleanly.
	useEffect(() => {
		setView(client.conversation(conversationId));
		return () => {
			setView(null);
			client.release(conversationId);
		};
	}, [client, conversationId]);
	if (!view) return <ConversationSkeleton />;
	return <ConversationContent view={view} conversationId={conversationId} panel={panel} />;
}

function ConversationContent({
	view,
	conversationId,
	panel,
}: {
	view: AgentConversation;
	conversationId: string;
	panel: "open" | "closed";
}) {
	const { client, user, contacts, agents, request } = useDashboard();
	const state = useStore(view.state, (s) => s);
	const summary = useStore(client.inbox.state, (s) =>
		s.conversations.find((conversation) => conversation.id === conversationId),
	);
	const conversation = state.conversation ?? summary ?? null;
	const card = useContactCard(contacts, conversation?.contactId);
	useStore(agents.state, (s) => s.agents);
	const onError = useCallback((message: string) => {
		notify.error("The change was not made", message);
	}, []);

	// Read receipts: mark seen when something from the visitor is newer than my last read.
	const lastOther = useMemo(() => {
		for (let index = state.items.length - 1; index >= 0; index--) {
			const item = state.items[index];
			if (item && !item.pending && item.type === "message" && item.userId !== user.id) return item;
		}
		return undefined;
	}, [state.items, user.id]);
	useEffect(() => {
		if (!lastOther) return;
		const mark = () => {
			if (document.visibilityState !== "visible") return;
			const readAt = client.readMarkers.get(conversationId);
			const seenAt = state.mySeenAt;
			const known = [readAt, seenAt].filter(Boolean).map((at) => Date.parse(at ?? ""));
			if (known.some((at) => at >= Date.parse(lastOther.createdAt))) return;
			void client.markSeen(conversationId, lastOther.createdAt);
		};
		mark();
		document.addEventListener("visibilitychange", mark);
		return () => document.removeEventListener("visibilitychange", mark);
	}, [client, conversationId, lastOther, state.mySeenAt]);

	const name = conversation ? displayName(card, conversation.visitorId) : "Conversation";
	const authorOf = useCallback(
		(item: TimelineItemView) => {
			if (item.userId === user.id) return "You";
			if (item.userId) return agents.name(item.userId);
			if (item.aiAgentId) return "AI agent";
			return name;
		},
		[user.id, agents, name],
	);
	const authorIdOf = useCallback(
		(item: TimelineItemView) =>
			item.userId ?? item.aiAgentId ?? conversation?.contactId ?? conversation?.visitorId ?? "",
		[conversation?.contactId, conversation?.visitorId],
	);
	const isMine = useCallback((item: TimelineItemView) => item.userId === user.id, [user.id]);
	const onRetry = useCallback((commandId: string) => void client.retry(commandId), [client]);
	const onDiscard = useCallback((commandId: string) => void client.discard(commandId), [client]);

	if (!conversation) {
		if (!state.loaded) return <ConversationSkeleton />;
		return (
			<section
				className="flex h-full flex-col items-center justify-center gap-3 p-8 text-center"
				aria-label="Conversation"
			>
				<p className="m-0 font-medium">This conversation does not exist.</p>
				<p className="m-0 text-muted-foreground">
					It may belong to another website, or the link is wrong.
				</p>
				<Button variant="outline" onClick={() => navigate({ page: "inbox" })}>
					<ArrowLeft aria-hidden="true" />
					Back to the inbox
				</Button>
			</section>
		);
	}
	const pendingBlock = [...client.outbox.state.getState().entries.values()]
		.reverse()
		.find(
			(entry) =>
				entry.state === "queued" &&
				(entry.command.type === "visitor.block" || entry.command.type === "visitor.unblock") &&
				entry.command.visitorId === conversation.visitorId,
		);
	const visitorBlocked = pendingBlock
		? pendingBlock.command.type === "visitor.block"
		: state.visitorBlocked;
	const typing = state.typing.filter((typer) => typer.principal !== `user:${user.id}`);

	const subtitle =
		card?.email && card.email !== name ? card.email : card ? "Contact" : "Anonymous visitor";
	return (
		<div className="conversation-layout" data-panel={panel}>
			<section
				className="conversation-pane flex min-h-0 min-w-0 flex-col"
				aria-label={`Conversation with ${name}`}
			>
				<ConversationHeader
					conversation={conversation}
					title={name}
					subtitle={subtitle}
					visitorBlocked={visitorBlocked}
					onError={onError}
				/>
				<Timeline
					items={state.items}
					authorOf={authorOf}
					authorIdOf={authorIdOf}
					isMine={isMine}
					onRetry={onRetry}
					onDiscard={onDiscard}
				/>
				<p
					className="m-0 h-5 shrink-0 truncate px-4 text-xs text-muted-foreground md:px-6"
					role="status"
					aria-live="polite"
				>
					{typing.length > 0
						? `${typing.map((typer) => (typer.principal.startsWith("visitor:") ? name : (typer.name ?? "An agent"))).join(", ")} ${typing.length > 1 ? "are" : "is"} typing…`
						: ""}
				</p>
				<Composer conversationId={conversationId} />
			</section>
			<aside
				className="contact-pane min-h-0 overflow-y-auto border-l border-border bg-sidebar max-xl:border-l-0"
				aria-label="Contact"
			>
				<div className="sticky top-0 z-10 flex items-center gap-2 border-b border-border bg-sidebar/95 p-2 backdrop-blur xl:hidden">
					<IconButton
						label="Back to the conversation"
						icon={<ArrowLeft aria-hidden="true" />}
						onClick={() => navigate({ page: "conversation", conversationId })}
					/>
					<span className="font-medium">Contact details</span>
				</div>
				<ContactPanelSlot
					request={request}
					conversationId={conversationId}
					visitorId={conversation.visitorId}
					contactId={conversation.contactId}
					onOpenConversation={(id) => navigate({ page: "conversation", conversationId: id })}
				/>
			</aside>
		</div>
	);
}

/** The conversation's shape while its documents open. */
function ConversationSkeleton() {
	return (
		<div className="flex h-full flex-col" aria-busy="true">
			<p className="sr-only">Opening the conversation…</p>
			<div className="flex items-center gap-3 border-b border-border p-4">
				<Skeleton className="size-9 rounded-full" />
				<div className="flex flex-col gap-2">
					<Skeleton className="h-4 w-40" />
					<Skeleton className="h-3 w-24" />
				</div>
			</div>
			<div className="flex flex-1 flex-col justify-end gap-3 p-6">
				<Skeleton className="h-10 w-2/5 rounded-2xl" />
				<Skeleton className="h-14 w-3/5 rounded-2xl" />
				<Skeleton className="ml-auto h-10 w-1/3 rounded-2xl" />
			</div>
			<Skeleton className="m-4 mt-0 h-24 rounded-xl" />
		</div>
	);
}
