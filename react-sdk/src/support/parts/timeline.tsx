import type { TimelineItemView } from "@cossistant/core";
import { useLayoutEffect, useMemo, useRef } from "react";
import { useSupport } from "../../hooks/use-support.ts";
import { useSupportText } from "../../text/text-context.tsx";
import { groupTimeline, type TimelineRow } from "../../utils/timeline-groups.ts";
import { TimelineMessage } from "./timeline-message.tsx";

/** Props of the default timeline. */
export interface TimelineProps {
	items: TimelineItemView[];
	isLoading?: boolean;
}

/**
 * The conversation timeline: day separators, messages grouped by sender, event items as
 * system lines. A polite live region, so new messages are announced; it follows the newest
 * message unless the visitor scrolled up.
 */
export function Timeline({ items, isLoading }: TimelineProps) {
	const { visitor, website } = useSupport();
	const text = useSupportText();
	const rows = useMemo(() => groupTimeline(items, visitor?.id ?? null), [items, visitor?.id]);
	const ref = useRef<HTMLDivElement>(null);
	const pinned = useRef(true);
	const lastId = items.at(-1)?.id;

	useLayoutEffect(() => {
		const node = ref.current;
		if (node && pinned.current && lastId) node.scrollTop = node.scrollHeight;
	}, [lastId]);

	const senderName = (row: Extract<TimelineRow, { type: "group" }>) => {
		if (row.mine) return text("common.fallbacks.you");
		const [kind, id] = row.sender.split(":");
		const agents = kind === "user" ? website?.availableHumanAgents : website?.availableAIAgents;
		return agents?.find((agent) => agent.id === id)?.name ?? text("common.fallbacks.supportTeam");
	};

	return (
		<div
			ref={ref}
			className="co-timeline"
			role="log"
			aria-live="polite"
			aria-label={text("component.timeline.label")}
			aria-busy={isLoading || undefined}
			onScroll={(event) => {
				const node = event.currentTarget;
				pinned.current = node.scrollHeight - node.scrollTop - node.clientHeight < 48;
			}}
		>
			{isLoading ? (
				<p className="co-timeline-loading">{text("component.timeline.loading")}</p>
			) : null}
			{rows.map((row) => {
				if (row.type === "day") {
					return (
						<div key={row.key} className="co-day-separator">
							<DayLabel date={row.date} today={text("component.timeline.today")} />
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
				return (
					<div
						key={row.key}
						className="co-message-group"
						data-sender={row.mine ? "visitor" : "agent"}
					>
						<span className="co-message-sender">{senderName(row)}</span>
						{row.items.map((item) => (
							<TimelineMessage key={item.id} item={item} mine={row.mine} />
						))}
					</div>
				);
			})}
		</div>
	);
}

function DayLabel({ date, today }: { date: Date; today: string }) {
	const now = new Date();
	const isToday = date.toDateString() === now.toDateString();
	return (
		<time dateTime={date.toISOString()}>
			{isToday
				? today
				: date.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" })}
		</time>
	);
}
