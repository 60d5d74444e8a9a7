import { type TimelineItem, timelineItemSchema } from "@cossistant/types";

/**
 * Validates timeline items received from the server (the client trusts no wire). Results are
 * cached per object, so re-reading a 10 000-item array after one new item costs one parse.
 * A malformed item is skipped and reported once.
 */
export class TimelineItemParser {
	private readonly cache = new WeakMap<object, TimelineItem | null>();

	constructor(private readonly onInvalid: (raw: unknown, reason: string) => void) {}

	parseAll(raw: readonly unknown[]): TimelineItem[] {
		const items: TimelineItem[] = [];
		for (const value of raw) {
			const item = this.parse(value);
			if (item) items.push(item);
		}
		return items;
	}

	parse(raw: unknown): TimelineItem | null {
		if (typeof raw !== "object" || raw === null) {
			this.onInvalid(raw, "timeline item is not an object");
			return null;
		}
		if (this.cache.has(raw)) return this.cache.get(raw) ?? null;
		const parsed = timelineItemSchema.safeParse(raw);
		const item = parsed.success ? parsed.data : null;
		this.cache.set(raw, item);
		if (!parsed.success) {
			this.onInvalid(
				raw,
				parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
			);
		}
		return item;
	}
}
