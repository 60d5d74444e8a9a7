import type {
	SupportContact,
	SupportOrganization,
	SupportVisitor,
} from "../support/support-state.ts";

/**
 * The visitor, contact and organization rows one batch has loaded (see support-audience.ts),
 * what it changed in them (see support-row-flush.ts), and which visitors' `profile` maps those
 * changes reach. Shared by ContactRows and its loader and flush; handlers never see it.
 */
export class SupportRowSet {
	readonly visitors = new Map<string, SupportVisitor>();
	readonly contacts = new Map<string, SupportContact>();
	readonly organizations = new Map<string, SupportOrganization>();
	/** Complete visitor sets of contacts (cross-device fan-out); never reloaded once known. */
	readonly devices = new Map<string, Set<string>>();
	/** Contacts created in this batch: inserted at flush, nothing to lock or read before. */
	readonly createdContacts = new Set<string>();
	readonly dirtyVisitors = new Map<string, Set<keyof SupportVisitor>>();
	readonly dirtyContacts = new Map<string, Set<keyof SupportContact>>();
	readonly dirtyOrganizations = new Set<string>();
	/** Visitors whose `profile` map is rewritten at flush. */
	readonly profiles = new Set<string>();

	requireVisitor(id: string): SupportVisitor {
		const visitor = this.visitors.get(id);
		if (!visitor) throw new Error(`visitor ${id} not loaded in batch`);
		return visitor;
	}

	requireContact(id: string): SupportContact {
		const contact = this.contacts.get(id);
		if (!contact) throw new Error(`contact ${id} not loaded in batch`);
		return contact;
	}

	requireOrganization(id: string): SupportOrganization {
		const organization = this.organizations.get(id);
		if (!organization) throw new Error(`organization ${id} not loaded in batch`);
		return organization;
	}

	/** Every visitor (device) of a contact; the set must have been loaded. */
	devicesOf(contactId: string): Set<string> {
		const set = this.devices.get(contactId);
		if (!set) throw new Error(`visitors of contact ${contactId} not loaded in batch`);
		return set;
	}

	/** A visitor column changed: written at flush, and the visitor's profile rewritten. */
	markVisitor(id: string, field: keyof SupportVisitor): void {
		addTo(this.dirtyVisitors, id, field);
		this.profiles.add(id);
	}

	/** A contact column changed: written at flush, and every device's profile rewritten. */
	markContact(id: string, field: keyof SupportContact): void {
		addTo(this.dirtyContacts, id, field);
		this.touchContact(id);
	}

	/** Marks the profile of every device of a contact for rewriting. */
	touchContact(contactId: string): void {
		for (const visitorId of this.devices.get(contactId) ?? []) this.profiles.add(visitorId);
	}
}

/** The distinct values, in first-seen order. */
export function unique(values: readonly string[]): string[] {
	return [...new Set(values)];
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
	const set = map.get(key);
	if (set) set.add(value);
	else map.set(key, new Set([value]));
}
