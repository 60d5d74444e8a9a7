import type { ContactDetails, ContactTarget } from "./contact-details.ts";

/**
 * The last details loaded per person, in memory for the page's lifetime: reopening a
 * conversation shows them at once (then refreshes), and offline they are what the panel shows.
 * Bounded, least recently used out first, so a long day of conversations stays small.
 */
const MAX_ENTRIES = 200;
const entries = new Map<string, ContactDetails>();

/** The cache key of a target: the contact when known, else the visitor. */
export function cacheKey(target: ContactTarget): string | null {
	if (target.contactId) return `contact:${target.contactId}`;
	if (target.visitorId) return `visitor:${target.visitorId}`;
	return null;
}

/** The last details of `target`, if any. */
export function cachedDetails(target: ContactTarget): ContactDetails | undefined {
	const key = cacheKey(target);
	if (key === null) return undefined;
	const found = entries.get(key);
	if (found) {
		entries.delete(key);
		entries.set(key, found);
	}
	return found;
}

/** Remembers `details` under the target and, once identified, under its contact and visitor. */
export function rememberDetails(target: ContactTarget, details: ContactDetails): void {
	const keys = new Set(
		[
			cacheKey(target),
			details.contact ? `contact:${details.contact.id}` : null,
			target.visitorId ? `visitor:${target.visitorId}` : null,
		].filter((key): key is string => key !== null),
	);
	for (const key of keys) {
		entries.delete(key);
		entries.set(key, details);
	}
	while (entries.size > MAX_ENTRIES) {
		const oldest = entries.keys().next().value;
		if (oldest === undefined) break;
		entries.delete(oldest);
	}
}

/** Forgets every remembered person (call it on sign-out: the next agent must not see them). */
export function clearContactPanelCache(): void {
	entries.clear();
}
