import type { TimelineItemView } from "@cossistant/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef } from "react";
import { TimelineEntry } from "./timeline-entry.tsx";
import { timelinePlace } from "./timeline-groups.ts";

export interface TimelineProps {
	items: readonly TimelineItemView[];
	authorOf: (item: TimelineItemView) => string;
	/** A stable id of the item's author (avatar colours). */
	authorIdOf: (item: TimelineItemView) => string;
	isMine: (item: TimelineItemView) => boolean;
	onRetry: (commandId: string) => void;
	onDiscard: (commandId: string) => void;
}

/**
 * The conversation's items, virtualized (a 10 000-item conversation renders a screenful),
 * opened at the bottom and following new items while the reader is at the bottom.
 */
export function Timeline(props: TimelineProps) {
	const { items, authorOf, authorIdOf, isMine, onRetry, onDiscard } = props;
	const scrollRef = useRef<HTMLDivElement>(null);
	const atBottom = useRef(true);
	const virtualizer = useVirtualizer({
		count: items.length,
		getScrollElement: () => scrollRef.current,
		estimateSize: () => 72,
		// Start at the estimated bottom, so the first render already lays out the last items
		// (opening at the top would render the first screenful, then the bottom one, before paint).
		initialOffset: () => items.length * 72,
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
			className="timeline-scroll min-h-0 flex-1 overflow-y-auto overscroll-contain pb-3"
			ref={scrollRef}
			data-testid="timeline"
			onScroll={(event) => {
				const element = event.currentTarget;
				atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
			}}
		>
			<ol
				className="relative m-0 list-none p-0"
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
							className="absolute top-0 left-0 w-full"
							style={{ transform: `translateY(${row.start}px)` }}
						>
							<TimelineEntry
								item={item}
								author={authorOf(item)}
								authorId={authorIdOf(item)}
								mine={isMine(item)}
								place={timelinePlace(items, row.index)}
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
