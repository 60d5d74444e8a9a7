import { Children, type HTMLAttributes } from "react";
import { useIsomorphicLayoutEffect } from "../utils/use-isomorphic-layout-effect.ts";
import { useConversationTimeline } from "./conversation-timeline.tsx";

/** Props of `<Primitives.ConversationTimelineLoading>`. */
export type ConversationTimelineLoadingProps = HTMLAttributes<HTMLDivElement>;

/**
 * Shown while the enclosing timeline `isLoading` (always, outside a timeline): a `role="status"`
 * region, so the loading state is announced.
 *
 * @example
 * <Primitives.ConversationTimelineLoading>Loading messages…</Primitives.ConversationTimelineLoading>
 */
export function ConversationTimelineLoading(props: ConversationTimelineLoadingProps) {
	const timeline = useConversationTimeline();
	if (timeline && !timeline.isLoading) return null;
	return <div role="status" {...props} />;
}

/** Props of `<Primitives.ConversationTimelineEmpty>`. */
export type ConversationTimelineEmptyProps = HTMLAttributes<HTMLDivElement>;

/**
 * Shown when the enclosing timeline has loaded and holds no item (its `items` are empty, or its
 * container renders no child); always outside a timeline. A `role="status"` region.
 *
 * @example
 * <Primitives.ConversationTimelineEmpty>Ask us anything</Primitives.ConversationTimelineEmpty>
 */
export function ConversationTimelineEmpty(props: ConversationTimelineEmptyProps) {
	const timeline = useConversationTimeline();
	if (timeline && !timeline.isEmpty) return null;
	return <div role="status" {...props} />;
}

/** Props of `<Primitives.ConversationTimelineContainer>`. */
export type ConversationTimelineContainerProps = HTMLAttributes<HTMLDivElement>;

/**
 * Holds the timeline's items (a plain `<div>` to style). When the timeline has no `items` prop,
 * the number of children it renders is what the empty state reads.
 *
 * @example
 * <Primitives.ConversationTimelineContainer className="space-y-2">
 *   {messages.map((message) => <Primitives.TimelineItem key={message.id} item={message} />)}
 * </Primitives.ConversationTimelineContainer>
 */
export function ConversationTimelineContainer({
	children,
	...props
}: ConversationTimelineContainerProps) {
	const report = useConversationTimeline()?.reportCount;
	const count = Children.toArray(children).length;
	useIsomorphicLayoutEffect(() => {
		report?.(count);
	}, [report, count]);
	useIsomorphicLayoutEffect(() => () => report?.(null), [report]);
	return <div {...props}>{children}</div>;
}
