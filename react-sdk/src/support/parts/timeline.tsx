import type { TimelineItemView } from "@cossistant/core";
import { useMemo } from "react";
import { useSupport } from "../../hooks/use-support.ts";
import { ConversationTimeline } from "../../primitives/conversation-timeline.tsx";
import { TimelineItemGroup } from "../../primitives/timeline-item.tsx";
import { useSupportLocale, useSupportText } from "../../text/text-context.tsx";
import { formatDayLabel } from "../../utils/day-label.ts";
import { groupTimeline, type TimelineRow } from "../../utils/timeline-groups.ts";
import { AgentAvatar } from "./agent-avatar.tsx";
import { TimelineMessage } from "./timeline-message.tsx";

/** Props of the default timeline. */
export interface TimelineProps {
	items: TimelineItemView[];
	isLoading?: boolean;
}

/**
 * The conversation timeline: day separators, messages grouped by sender, event items as
 * system lines. Built on `Primitives.ConversationTimeline` (a polite live region that follows
 * the newest message unless the visitor scrolled up).
 */
export function Timeline({ items, isLoading }: TimelineProps) {
	const { visitor, website } = useSupport();
	const text = useSupportText();
	const locale = useSupportLocale();
	const rows = useMemo(() => groupTimeline(items, visitor?.id ?? null), [items, visitor?.id]);

	/** The agent (human or AI) who wrote a group, or null for the visitor and the team. */
	const senderAgent = (row: Extract<TimelineRow, { type: "group" }>) => {
		const [kind, id] = row.sender.split(":");
		if (row.mine || !id || (kind !== "user" && kind !== "ai")) return null;
		const agents = kind === "user" ? website?.availableHumanAgents : website?.availableAIAgents;
		const agent = agents?.find((candidate) => candidate.id === id);
		return { id, name: agent?.name ?? text("common.fallbacks.supportTeam"), image: agent?.image };
	};
	const senderName = (row: Extract<TimelineRow, { type: "group" }>) => {
		if (row.mine) return text("common.fallbacks.you");
		return senderAgent(row)?.name ?? text("common.fallbacks.supportTeam");
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
				const name = senderName(row);
				const agent = senderAgent(row);
				return (
					<TimelineItemGroup
						key={row.key}
						className="co-message-group"
						senderName={name}
						isMine={row.mine}
					>
						<span className="co-message-header" aria-hidden="true">
							{agent ? (
								<AgentAvatar
									id={agent.id}
									name={agent.name}
									image={agent.image}
									size="small"
									decorative
								/>
							) : null}
							<span className="co-message-sender">{name}</span>
						</span>
						{row.items.map((item) => (
							<TimelineMessage key={item.id} item={item} mine={row.mine} />
						))}
					</TimelineItemGroup>
				);
			})}
		</ConversationTimeline>
	);
}
