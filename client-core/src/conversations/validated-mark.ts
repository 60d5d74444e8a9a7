import * as Y from "yjs";
import type { SyncedDocument } from "../sync/sync-connection.ts";
import type { ValidatedUpTo } from "./item-parser.ts";

/**
 * Where a conversation document's cached copy records the state vector below which this client
 * validated every timeline item (TimelineItemParser.parseTimeline). Bump the version whenever
 * `timelineItemSchema` (or what the view relies on) rejects something it accepted before, so no
 * copy validated by the old rules is trusted by the new ones.
 */
const VALIDATED_KEY = "timeline-validated:v1";

/** The recorded state vector of `document`'s cached copy, or null (none, unreadable). */
export async function readValidatedUpTo(document: SyncedDocument): Promise<ValidatedUpTo | null> {
	try {
		const stored = await document.getCacheMeta(VALIDATED_KEY);
		if (stored === undefined) return null;
		const pairs: unknown = JSON.parse(stored);
		if (!Array.isArray(pairs)) return null;
		const upTo = new Map<number, number>();
		for (const pair of pairs) {
			const valid =
				Array.isArray(pair) &&
				pair.length === 2 &&
				pair.every((n) => Number.isSafeInteger(n) && n >= 0);
			if (!valid) return null;
			upTo.set(pair[0], pair[1]);
		}
		return upTo;
	} catch {
		return null;
	}
}

/**
 * Records the current state vector of `document`'s replica as validated. Call only when every
 * live timeline item of that replica passed validation (and nothing changed since).
 */
export async function recordValidatedUpTo(document: SyncedDocument): Promise<void> {
	const stateVector = Y.decodeStateVector(Y.encodeStateVector(document.doc));
	try {
		await document.setCacheMeta(VALIDATED_KEY, JSON.stringify([...stateVector]));
	} catch {
		// Only a shortcut for the next cold open: without it, that open validates everything.
	}
}
