import type { TimelineItemView } from "@cossistant/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef } from "react";
import { TimelineEntry } from "./timeline-entry.tsx";

export interface TimelineProps {
	items: readonly TimelineItemView[];
	authorOf: (item: TimelineItemView) => string;
	isMine: (item: TimelineItemView) => boolean;
	onRetry: (commandId: string) => void;
	onDiscard: (commandId: string) => void;
}

/**
 * The conversation's items, virtualized (a 10 000-item conversation renders a screenful),
 * opened at the bottom and following new items while the reader is at the bottom.
 */
export function Timeline({ items, authorOf, isMine, onRetry, onDiscard }: TimelineProps) {
	const scrollRef = useRef<HTMLDivElement>(null);
	const atBottom = useRef(true);
	const virtualizer = useVirtualizer({
		count: items.length,
		getScrollElement: () => scrollRef.current,
		estimateSize: () => 72,
		overscan: 6,
		getItemKey: (index) => items[index]?.id ?? index,
	});

	// Open at the last item, before the first paint.
	const hasItems = items.length > 0;
	const countRef = useRef(items.length);
	countRef.current = items.length;
	useLayoutEffect(() => {
		if (hasItems) virtualizer.scrollToIndex(countRef.current - 1, { align: "end" });
	}, [hasItems, virtualizer]);

	// Follow new items when the reader is at the bottom.
	const count = items.length;
	useEffect(() => {
		if (atBottom.current && count > 0) virtualizer.scrollToIndex(count - 1, { align: "end" });
	}, [count, virtualizer]);

	return (
		<div
			className="timeline-scroll"
			ref={scrollRef}
			data-testid="timeline"
			onScroll={(event) => {
				const element = event.currentTarget;
				atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
			}}
		>
			<ol
				className="timeline"
				aria-label="Conversation timeline"
				style={{ height: virtualizer.getTotalSize() }}
			>
				{virtualizer.getVirtualItems().map((row) => {
					const item = items[row.index];
					if (!item) return null;
					return (
						<li
							key={row.key}
							data-index={row.index}
							ref={virtualizer.measureElement}
							className="timeline-row"
							style={{ transform: `translateY(${row.start}px)` }}
						>
							<TimelineEntry
								item={item}
								author={authorOf(item)}
								mine={isMine(item)}
								onRetry={onRetry}
								onDiscard={onDiscard}
							/>
						</li>
					);
				})}
			</ol>
		</div>
	);
}
