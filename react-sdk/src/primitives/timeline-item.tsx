import type { TimelineItemView } from "@cossistant/core";
import { createContext, type HTMLAttributes, type ReactNode, useContext } from "react";
import { useSupport } from "../hooks/use-support.ts";

// The default timeline imports the group from here (it lived in this file first).
export { TimelineItemGroup, type TimelineItemGroupProps } from "./timeline-item-group.tsx";

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
	/**
	 * The message or event. Its parts (`TimelineItemContent`, `TimelineItemTimestamp`) read it;
	 * without it the item is a plain wrapper whose parts show what you pass them.
	 */
	item?: TimelineItemView;
	/** Parts, content, or a render function (needs `item`). @default the item's text */
	children?: ReactNode | ((props: TimelineItemRenderProps) => ReactNode);
};

const ItemContext = createContext<TimelineItemView | null>(null);

/** The item of the enclosing `<Primitives.TimelineItem>`, or null. */
export function useTimelineItem(): TimelineItemView | null {
	return useContext(ItemContext);
}

/** The text parts of an item, joined by new lines. */
export function itemText(item: TimelineItemView): string {
	return item.parts.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("\n");
}

/** The server-written line of an event item, else null. */
function eventMessageOf(item: TimelineItemView): string | null {
	const event = item.parts.find((part) => part.type === "event");
	return event?.type === "event" ? event.message : null;
}

/**
 * Headless message or event: `data-type`, `data-sender` and `data-delivery` attributes to style,
 * its parts (`TimelineItemContent`, `TimelineItemTimestamp`) or render props with the item's
 * text. Without children it renders the text.
 *
 * @example
 * <Primitives.TimelineItem item={item}>
 *   <Primitives.TimelineItemContent />
 *   <Primitives.TimelineItemTimestamp />
 * </Primitives.TimelineItem>
 */
export function TimelineItem({ item, children, ...props }: TimelineItemProps) {
	const { visitor } = useSupport();
	if (!item) {
		if (typeof children === "function") {
			throw new Error("<Primitives.TimelineItem> needs `item` for a render function.");
		}
		return <div {...props}>{children}</div>;
	}
	const isMine = visitor !== null && item.visitorId === visitor.id;
	const text = itemText(item);
	const eventMessage = eventMessageOf(item);
	const renderProps = { item, text, isMine, delivery: item.delivery, eventMessage };
	return (
		<ItemContext.Provider value={item}>
			<div
				data-type={item.type}
				data-sender={isMine ? "visitor" : "agent"}
				data-delivery={item.delivery ?? undefined}
				data-pending={item.pending || undefined}
				{...props}
			>
				{typeof children === "function"
					? children(renderProps)
					: (children ?? eventMessage ?? text)}
			</div>
		</ItemContext.Provider>
	);
}

/** Props of `<Primitives.TimelineItemContent>`. */
export type TimelineItemContentProps = Omit<HTMLAttributes<HTMLDivElement>, "children"> & {
	/** What to show, or a function of the item's text. @default the item's text (or event line) */
	children?: ReactNode | ((text: string) => ReactNode);
};

/**
 * The body of the enclosing item: its text, rendered as text (markup in a message stays
 * visible characters), or the event's line.
 *
 * @example
 * <Primitives.TimelineItemContent className="whitespace-pre-wrap" />
 */
export function TimelineItemContent({ children, ...props }: TimelineItemContentProps) {
	const item = useTimelineItem();
	const text = item ? (eventMessageOf(item) ?? itemText(item)) : "";
	return (
		<div {...props}>{typeof children === "function" ? children(text) : (children ?? text)}</div>
	);
}

/** Props of `<Primitives.TimelineItemTimestamp>`. */
export type TimelineItemTimestampProps = Omit<HTMLAttributes<HTMLTimeElement>, "children"> & {
	/** When it happened. @default the enclosing item's `createdAt` */
	timestamp?: Date | string | number;
	/** Formats the time. @default hours and minutes in the browser's locale */
	format?: (date: Date) => string;
	/** What to show, or a function of the date. @default `format(timestamp)` */
	children?: ReactNode | ((date: Date) => ReactNode);
};

/** The date of a timestamp, or null when absent or invalid. */
function toDate(value: Date | string | number | undefined): Date | null {
	if (value === undefined) return null;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? null : date;
}

const defaultFormat = (date: Date) =>
	date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });

/**
 * When the enclosing item was written, as a `<time>` element with a machine-readable
 * `dateTime`.
 *
 * @example
 * <Primitives.TimelineItemTimestamp format={(date) => date.toLocaleString()} />
 */
export function TimelineItemTimestamp({
	timestamp,
	format = defaultFormat,
	children,
	...props
}: TimelineItemTimestampProps) {
	const item = useTimelineItem();
	const date = toDate(timestamp ?? item?.createdAt);
	const content =
		typeof children === "function"
			? date && children(date)
			: (children ?? (date ? format(date) : null));
	return (
		<time dateTime={date?.toISOString()} {...props}>
			{content}
		</time>
	);
}
