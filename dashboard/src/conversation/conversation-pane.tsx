import type { TimelineItemView } from "@cossistant/core";
import type { AgentConversation } from "@cossistant/core/agent";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useStore } from "zustand";
import { useDashboard } from "../dashboard-context.tsx";
import { displayName } from "../inbox/contact-directory.ts";
import { useContactCard } from "../inbox/use-contact-card.ts";
import { navigate } from "../router.ts";
import { ContactPanelSlot } from "../shell/team-panels.tsx";
import { Composer } from "./composer.tsx";
import { ConversationHeader } from "./conversation-header.tsx";
import { Timeline } from "./timeline.tsx";

/**
 * One conversation: header with actions, timeline (public items and internal notes), typing
 * indicator, composer, and the contact panel beside it. Opening it marks it read (seen receipt
 * for the visitor) while the page is visible.
 */
export function ConversationPane({ conversationId }: { conversationId: string }) {
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
	if (!view) return null;
	return <ConversationContent view={view} conversationId={conversationId} />;
}

function ConversationContent({
	view,
	conversationId,
}: {
	view: AgentConversation;
	conversationId: string;
}) {
	const { client, user, contacts, agents, request } = useDashboard();
	const state = useStore(view.state, (s) => s);
	const summary = useStore(client.inbox.state, (s) =>
		s.conversations.find((conversation) => conversation.id === conversationId),
	);
	const conversation = state.conversation ?? summary ?? null;
	const card = useContactCard(contacts, conversation?.contactId);
	useStore(agents.state, (s) => s.agents);
	const [error, setError] = useState<string | null>(null);

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
	const isMine = useCallback((item: TimelineItemView) => item.userId === user.id, [user.id]);
	const onRetry = useCallback((commandId: string) => void client.retry(commandId), [client]);
	const onDiscard = useCallback((commandId: string) => void client.discard(commandId), [client]);

	if (!conversation) {
		return (
			<section className="conversation-pane" aria-label="Conversation">
				<p className="empty">
					{state.loaded ? "This conversation does not exist." : "Opening the conversation…"}
				</p>
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

	return (
		<div className="conversation-layout">
			<section className="conversation-pane" aria-label={`Conversation with ${name}`}>
				<ConversationHeader
					conversation={conversation}
					title={name}
					visitorBlocked={visitorBlocked}
					onError={setError}
				/>
				{error && (
					<p className="form-error" role="alert">
						{error}
					</p>
				)}
				<Timeline
					items={state.items}
					authorOf={authorOf}
					isMine={isMine}
					onRetry={onRetry}
					onDiscard={onDiscard}
				/>
				<p className="typing" role="status" aria-live="polite">
					{typing.length > 0
						? `${typing.map((typer) => (typer.principal.startsWith("visitor:") ? name : (typer.name ?? "An agent"))).join(", ")} ${typing.length > 1 ? "are" : "is"} typing…`
						: ""}
				</p>
				<Composer conversationId={conversationId} />
			</section>
			<aside className="contact-pane" aria-label="Contact">
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
