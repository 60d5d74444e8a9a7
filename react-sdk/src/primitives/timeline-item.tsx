import type { TimelineItemView } from "@cossistant/core";
import type { HTMLAttributes, ReactNode } from "react";
import { useSupport } from "../hooks/use-support.ts";

/** What `<Primitives.TimelineItem>`'s render function receives. */
export interface TimelineItemRenderProps {
	item: TimelineItemView;
	/** The item's text parts joined (render it as text, never as HTML). */
	text: string;
	/** Written by this visitor. */
	isMine: boolean;
	/** Delivery state of the visitor's own messages, else null. */
	delivery: TimelineItemView["delivery"];
	/** The server-written line of an event item. */
	eventMessage: string | null;
}

/** Props of `<Primitives.TimelineItem>`. */
export type TimelineItemProps = Omit<HTMLAttributes<HTMLDivElement>, "children"> & {
	item: TimelineItemView;
	children?: ReactNode | ((props: TimelineItemRenderProps) => ReactNode);
};

/**
 * Headless message or event: `data-type`, `data-sender` and `data-delivery` attributes to style,
 * and render props with the item's text. Without children it renders the text.
 *
 * @example
 * <Primitives.TimelineItem item={item}>
 *   {({ text, delivery }) => <><p>{text}</p><small>{delivery}</small></>}
 * </Primitives.TimelineItem>
 */
export function TimelineItem({ item, children, ...props }: TimelineItemProps) {
	const { visitor } = useSupport();
	const isMine = visitor !== null && item.visitorId === visitor.id;
	const text = item.parts.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("\n");
	const event = item.parts.find((part) => part.type === "event");
	const eventMessage = event?.type === "event" ? event.message : null;
	const renderProps = { item, text, isMine, delivery: item.delivery, eventMessage };
	return (
		<div
			data-type={item.type}
			data-sender={isMine ? "visitor" : "agent"}
			data-delivery={item.delivery ?? undefined}
			data-pending={item.pending || undefined}
			{...props}
		>
			{typeof children === "function" ? children(renderProps) : (children ?? eventMessage ?? text)}
		</div>
	);
}

/** Props of `<Primitives.TimelineItemGroup>`. */
export type TimelineItemGroupProps = HTMLAttributes<HTMLDivElement> & {
	/** Who wrote the group (for `data-sender` and the group's accessible name). */
	senderName?: string;
	isMine?: boolean;
};

/**
 * Headless group of consecutive messages by one sender (see `groupTimeline` to build groups).
 *
 * @example
 * <Primitives.TimelineItemGroup senderName="Sarah">{items.map(…)}</Primitives.TimelineItemGroup>
 */
export function TimelineItemGroup({
	senderName,
	isMine,
	children,
	...props
}: TimelineItemGroupProps) {
	return (
		// biome-ignore lint/a11y/useSemanticElements: a group of messages, not a form fieldset
		<div role="group" aria-label={senderName} data-sender={isMine ? "visitor" : "agent"} {...props}>
			{children}
		</div>
	);
}
