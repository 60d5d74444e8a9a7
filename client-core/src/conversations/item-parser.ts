import {
	type TimelineItem,
	timelineItemSchema,
	withLegacyFileNamesRenamed,
} from "@cossistant/types";
import * as v from "valibot";
import type * as Y from "yjs";

/**
 * Yjs state vector (client → clock) below which this client already validated every item of a
 * timeline: see {@link TimelineItemParser.parseTimeline}.
 */
export type ValidatedUpTo = ReadonlyMap<number, number>;

/** A timeline read by {@link TimelineItemParser.parseTimeline}. */
export interface ParsedTimeline {
	items: TimelineItem[];
	/** No entry was malformed (so the doc's state vector may be recorded as validated). */
	allValid: boolean;
	/** Entries validated by this call (not trusted, not cached). */
	validated: number;
}

/**
 * Validates timeline items received from the server (the client trusts no wire). Results are
 * cached per object, so re-reading a 10 000-item array after one new item costs one parse.
 * A malformed item is skipped and reported once.
 */
export class TimelineItemParser {
	private readonly cache = new WeakMap<object, TimelineItem | null>();
	private validatedCount = 0;

	constructor(private readonly onInvalid: (raw: unknown, reason: string) => void) {}

	/**
	 * Reads a shared timeline, skipping validation of the entries whose Yjs ids are below
	 * `validatedUpTo`: an earlier run of this client validated each of them, all valid, and
	 * recorded that state vector next to the cached copy (ConversationView). Yjs content under an
	 * id never changes, and every id below a state vector was integrated when it was taken, so
	 * those entries are the very values validated then. The record lives in the document's own
	 * IndexedDB database: same-origin storage only our code writes (whoever could forge it can
	 * run script in the page anyway), deleted with the cached copy when that copy is dropped.
	 * Everything else, i.e. all that arrived since, is validated as usual.
	 */
	parseTimeline(timeline: Y.Array<unknown>, validatedUpTo: ValidatedUpTo | null): ParsedTimeline {
		const items: TimelineItem[] = [];
		const before = this.validatedCount;
		let allValid = true;
		for (let struct = timeline._start; struct !== null; struct = struct.right) {
			if (struct.deleted || !struct.countable) continue;
			const below = validatedUpTo?.get(struct.id.client) ?? 0;
			const values = struct.content.getContent();
			for (let index = 0; index < values.length; index++) {
				const raw: unknown = values[index];
				const item = struct.id.clock + index < below ? this.trusted(raw) : this.parse(raw);
				if (item) items.push(item);
				else allValid = false;
			}
		}
		return { items, allValid, validated: this.validatedCount - before };
	}

	parse(raw: unknown): TimelineItem | null {
		if (typeof raw !== "object" || raw === null) {
			this.onInvalid(raw, "timeline item is not an object");
			return null;
		}
		if (this.cache.has(raw)) return this.cache.get(raw) ?? null;
		this.validatedCount += 1;
		const parsed = v.safeParse(timelineItemSchema, raw);
		const item = parsed.success ? parsed.output : null;
		this.cache.set(raw, item);
		if (!parsed.success) {
			this.onInvalid(
				raw,
				parsed.issues.map((i) => `${v.getDotPath(i) ?? ""}: ${i.message}`).join("; "),
			);
		}
		return item;
	}

	/** An entry validated by an earlier run of this client (see parseTimeline). */
	private trusted(raw: unknown): TimelineItem | null {
		if (typeof raw !== "object" || raw === null) return this.parse(raw);
		if (this.cache.has(raw)) return this.cache.get(raw) ?? null;
		// Validated, but maybe before parts were named `name`: rename as the schema would.
		const item = withLegacyFileNamesRenamed(raw as TimelineItem);
		this.cache.set(raw, item);
		return item;
	}
}

/**
 * The valid items of a plain array (an agent's snapshot, private notes), through `parser`'s
 * cache. A function rather than a method: the widget never calls it, so it does not ship it.
 */
export function parseItems(parser: TimelineItemParser, raw: readonly unknown[]): TimelineItem[] {
	const items: TimelineItem[] = [];
	for (const value of raw) {
		const item = parser.parse(value);
		if (item) items.push(item);
	}
	return items;
}
