import type { TimelineItem } from "@cossistant/types";

/**
 * Timeline order, as documented: by `createdAt`, ties (items of one server batch share their
 * time) broken by the server's per-conversation `seq`. The server appends in `seq` order, which
 * agrees with `createdAt` unless its clock stepped back, so the documented key decides.
 */
export function compareTimelineItems(
	a: Pick<TimelineItem, "createdAt" | "seq">,
	b: Pick<TimelineItem, "createdAt" | "seq">,
): number {
	return compareInstants(a.createdAt, b.createdAt) || a.seq - b.seq;
}

/**
 * `items` in timeline order ({@link compareTimelineItems}): `items` itself when already in order
 * (the usual case, one pass without parsing a date), else a sorted copy.
 */
export function inTimelineOrder<T extends Pick<TimelineItem, "createdAt" | "seq">>(
	items: readonly T[],
): readonly T[] {
	for (let index = 1; index < items.length; index++) {
		if (compareTimelineItems(items[index - 1] as T, items[index] as T) > 0)
			return [...items].sort(compareTimelineItems);
	}
	return items;
}

/** Compares two ISO instants; UTC ones of one shape (the server's) compare as text. */
function compareInstants(a: string, b: string): number {
	if (a === b) return 0;
	if (a.length === b.length && a.endsWith("Z") && b.endsWith("Z")) return a < b ? -1 : 1;
	return Date.parse(a) - Date.parse(b);
}
