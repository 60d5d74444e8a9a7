import type { TimelineItemView } from "@cossistant/core";
import { useMemo } from "react";
import { useSupport } from "../../hooks/use-support.ts";
import { ConversationTimeline } from "../../primitives/conversation-timeline.tsx";
import { TimelineItemGroup } from "../../primitives/timeline-item.tsx";
import { useSupportLocale, useSupportText } from "../../text/text-context.tsx";
import { formatDayLabel } from "../../utils/day-label.ts";
import { groupTimeline, type TimelineRow } from "../../utils/timeline-groups.ts";
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

	const senderName = (row: Extract<TimelineRow, { type: "group" }>) => {
		if (row.mine) return text("common.fallbacks.you");
		const [kind, id] = row.sender.split(":");
		const agents = kind === "user" ? website?.availableHumanAgents : website?.availableAIAgents;
		return agents?.find((agent) => agent.id === id)?.name ?? text("common.fallbacks.supportTeam");
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
				return (
					<TimelineItemGroup
						key={row.key}
						className="co-message-group"
						senderName={name}
						isMine={row.mine}
					>
						<span className="co-message-sender" aria-hidden="true">
							{name}
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
