import type { TimelineItemView } from "@cossistant/core";
import { useMemo, useRef } from "react";
import { useSupport } from "../../hooks/use-support.ts";
import { ConversationTimeline } from "../../primitives/conversation-timeline.tsx";
import { TimelineItemGroup } from "../../primitives/timeline-item.tsx";
import { useSupportLocale, useSupportText } from "../../text/text-context.tsx";
import { formatDayLabel } from "../../utils/day-label.ts";
import { groupTimeline, type SenderKey } from "../../utils/timeline-groups.ts";
import { AgentAvatar } from "./agent-avatar.tsx";
import { TimelineMessage } from "./timeline-message.tsx";

/** Props of the default timeline. */
export interface TimelineProps {
	items: TimelineItemView[];
	isLoading?: boolean;
}

/**
 * The conversation timeline: day separators, messages grouped by sender (the team's with the
 * author's avatar and name, the visitor's on the right), event items as system lines. Built on
 * `Primitives.ConversationTimeline` (a polite live region that follows the newest message unless
 * the visitor scrolled up).
 */
export function Timeline({ items, isLoading }: TimelineProps) {
	const { visitor, website } = useSupport();
	const text = useSupportText();
	const locale = useSupportLocale();
	const rows = useMemo(() => groupTimeline(items, visitor?.id ?? null), [items, visitor?.id]);
	// What the visitor saw when the timeline first showed: only later messages animate in.
	const shown = useRef<Set<string> | null>(null);
	if (shown.current === null && !isLoading) shown.current = new Set(items.map((item) => item.id));

	/** Who wrote a group of the team (an agent, an AI agent, or the team as the website). */
	const author = (sender: SenderKey) => {
		const [kind, id] = sender.split(":");
		const agents = kind === "user" ? website?.availableHumanAgents : website?.availableAIAgents;
		const agent = id ? agents?.find((candidate) => candidate.id === id) : undefined;
		if (agent) return agent;
		if (id) return { id, name: text("common.fallbacks.supportTeam"), image: null };
		return {
			id: website?.id ?? "team",
			name: website?.name ?? text("common.fallbacks.supportTeam"),
			image: null,
		};
	};

	return (
		<ConversationTimeline
			className="co-timeline"
			aria-label={text("component.timeline.label")}
			scrollKey={items.at(-1)?.id ?? null}
			isLoading={isLoading}
			loading={<p className="co-timeline-loading">{text("component.timeline.loading")}</p>}
		>
			{rows.map((row) => {
				if (row.type === "day") {
					return (
						<div key={row.key} className="co-day-separator">
							<time dateTime={row.date.toISOString()}>
								{formatDayLabel(row.date, locale, text("component.timeline.today"))}
							</time>
						</div>
					);
				}
				if (row.type === "event") {
					const part = row.item.parts.find((p) => p.type === "event");
					return (
						<p key={row.key} className="co-event" data-testid="co-event">
							{part?.type === "event" ? part.message : null}
						</p>
					);
				}
				// The visitor's messages from another device of the same contact are theirs too.
				const fromVisitor = row.sender.startsWith("visitor:");
				const agent = fromVisitor ? null : author(row.sender);
				const messages = row.items.map((item) => (
					<TimelineMessage
						key={item.id}
						item={item}
						mine={fromVisitor}
						isNew={shown.current !== null && !shown.current.has(item.id)}
					/>
				));
				return (
					<TimelineItemGroup
						key={row.key}
						className="co-message-group"
						senderName={agent?.name ?? text("common.fallbacks.you")}
						isMine={fromVisitor}
					>
						{agent ? (
							<>
								<AgentAvatar
									id={agent.id}
									name={agent.name}
									image={agent.image}
									size="small"
									decorative
								/>
								<div className="co-message-stack">
									<span className="co-message-sender" aria-hidden="true">
										{agent.name}
									</span>
									{messages}
								</div>
							</>
						) : (
							messages
						)}
					</TimelineItemGroup>
				);
			})}
		</ConversationTimeline>
	);
}
