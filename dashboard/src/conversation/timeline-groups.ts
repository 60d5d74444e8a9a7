import type { TimelineItemView } from "@cossistant/core";

/** Where an item sits among its neighbours, for the timeline's layout. */
export interface TimelinePlace {
	/** A day separator's label above the item ("Today", "Yesterday", "Mon 3 Mar"), or null. */
	day: string | null;
	/** First of a run of messages by the same author: shows the author and the time. */
	first: boolean;
	/** Last of its run: shows the avatar and the delivery state. */
	last: boolean;
}

/** Messages this close together, by the same author, read as one group. */
const GROUP_GAP_MS = 5 * 60_000;

function authorKey(item: TimelineItemView): string {
	const who = item.userId ?? item.aiAgentId ?? "visitor";
	return `${who}:${item.visibility}`;
}

function isEvent(item: TimelineItemView): boolean {
	return item.parts.some((part) => part.type === "event");
}

function sameGroup(a: TimelineItemView | undefined, b: TimelineItemView | undefined): boolean {
	if (!a || !b || isEvent(a) || isEvent(b)) return false;
	if (authorKey(a) !== authorKey(b)) return false;
	if (dayKey(a.createdAt) !== dayKey(b.createdAt)) return false;
	return Math.abs(Date.parse(b.createdAt) - Date.parse(a.createdAt)) <= GROUP_GAP_MS;
}

function dayKey(iso: string): string {
	const date = new Date(iso);
	return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/** "Today", "Yesterday", a weekday this week, else a date. */
export function dayLabel(iso: string, now: Date = new Date()): string {
	const date = new Date(iso);
	const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
	const days = Math.round((startOf(now) - startOf(date)) / 86_400_000);
	if (days === 0) return "Today";
	if (days === 1) return "Yesterday";
	if (days > 1 && days < 7) return date.toLocaleDateString(undefined, { weekday: "long" });
	return date.toLocaleDateString(undefined, {
		weekday: "short",
		day: "numeric",
		month: "short",
		...(date.getFullYear() === now.getFullYear() ? {} : { year: "numeric" }),
	});
}

/** The place of `items[index]`: a new day, the start or the end of a group. */
export function timelinePlace(items: readonly TimelineItemView[], index: number): TimelinePlace {
	const item = items[index];
	const previous = items[index - 1];
	const next = items[index + 1];
	if (!item) return { day: null, first: true, last: true };
	const newDay = !previous || dayKey(previous.createdAt) !== dayKey(item.createdAt);
	return {
		day: newDay ? dayLabel(item.createdAt) : null,
		first: !sameGroup(previous, item),
		last: !sameGroup(item, next),
	};
}
