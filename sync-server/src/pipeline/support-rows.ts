import { DocumentNames, VISITOR_DOC_KEYS, VISITOR_PROFILE_KEYS } from "@cossistant/types";
import type * as Y from "yjs";
import type { Prisma } from "../generated/prisma/client.ts";
import { stableJson } from "../support/stable-json.ts";
import {
	effectiveSupportState,
	type OnboardingState,
	type SupportContact,
	type SupportOrganization,
	type SupportVisitor,
	toPublicVisitor,
} from "../support/support-state.ts";
import {
	CONTACT_SELECT,
	type FlagTargetType,
	lockRows,
	VISITOR_SELECT,
} from "./support-queries.ts";

type TransactionClient = Prisma.TransactionClient;

/** A website's identity-verification settings (for `contact.identify`). */
export interface WebsiteIdentity {
	identitySecret: string;
	identityVerificationRequired: boolean;
}

/** Where an audience starts: every visitor whose profile these rows reach is loaded. */
export interface AudienceRoots {
	organizationIds?: readonly string[];
	contactIds?: readonly string[];
	visitorIds?: readonly string[];
}

type ContactPatch = Partial<
	Pick<SupportContact, "externalId" | "email" | "name" | "image" | "identityVerified">
>;

/**
 * The visitor, contact and organization rows of one command batch, and the `profile` map of
 * every `visitor/{id}` document they reach (VISITOR_PROFILE_KEYS: the public visitor and the
 * effective support state).
 *
 * Same contract as BatchContext: loading (async, locking) happens before handlers run; writes
 * are synchronous and only touch memory. `writeProfiles` and `flush` run inside the batch's
 * transaction. Rows are locked in one order (organizations → contacts → visitors) and read
 * only after their locks are held, so two processes rewriting the same visitor's profile are
 * serialised and the later one computes from the earlier one's committed rows.
 */
export class SupportRows {
	private readonly visitors = new Map<string, SupportVisitor>();
	private readonly contacts = new Map<string, SupportContact>();
	private readonly organizations = new Map<string, SupportOrganization>();
	private readonly websites = new Map<string, WebsiteIdentity>();
	/** Complete visitor sets of contacts (cross-device fan-out); never reloaded once known. */
	private readonly contactVisitors = new Map<string, Set<string>>();
	private readonly createdContacts = new Set<string>();
	private readonly dirtyVisitors = new Map<string, Set<keyof SupportVisitor>>();
	private readonly dirtyContacts = new Map<string, Set<keyof SupportContact>>();
	private readonly dirtyOrganizations = new Set<string>();
	/** Visitors whose `profile` map is rewritten at flush. */
	private readonly profiles = new Set<string>();

	constructor(
		private readonly tx: TransactionClient,
		private readonly loadDocs: (names: readonly string[]) => Promise<void>,
	) {}

	// ---- loading (async, before handlers run) ---------------------------------------------

	/**
	 * Loads the visitor ids of contacts, for the conversation summaries every device of a contact
	 * sees, and preloads their `visitor/{id}` documents. `FOR KEY SHARE` on the contacts
	 * serialises this with `contact.identify` (which locks the contact to add a visitor), so a
	 * summary is never written to a visitor list that misses a device linked concurrently.
	 */
	async loadContactVisitors(contactIds: readonly string[]): Promise<void> {
		const missing = unique(contactIds).filter((id) => !this.contactVisitors.has(id));
		if (missing.length === 0) return;
		await this.tx.$queryRaw`
			SELECT "id" FROM "Contact" WHERE "id" = ANY(${missing}::text[]) ORDER BY "id" FOR KEY SHARE`;
		await this.fillContactVisitors(missing);
		await this.loadVisitorDocs(missing.flatMap((id) => [...(this.contactVisitors.get(id) ?? [])]));
	}

	/**
	 * Locks and loads everything needed to rewrite the profiles the roots reach: the root
	 * organizations, their contacts, the root contacts and the root visitors' contacts, every
	 * visitor of those contacts, and their documents.
	 */
	async loadAudience(roots: AudienceRoots): Promise<void> {
		const organizationIds = unique(roots.organizationIds ?? []);
		await lockRows(this.tx, "ContactOrganization", organizationIds);

		const contactIds = new Set(roots.contactIds ?? []);
		const pendingOrgs = organizationIds.filter((id) => !this.organizations.has(id));
		if (pendingOrgs.length > 0) {
			const members = await this.tx.contact.findMany({
				where: { organizationId: { in: pendingOrgs } },
				select: { id: true },
			});
			for (const row of members) contactIds.add(row.id);
		}
		for (const contact of this.contacts.values()) {
			if (contact.organizationId && organizationIds.includes(contact.organizationId)) {
				contactIds.add(contact.id);
			}
		}
		const rootVisitors = unique(roots.visitorIds ?? []);
		const unknownVisitors = rootVisitors.filter((id) => !this.visitors.has(id));
		if (unknownVisitors.length > 0) {
			const visitorContacts = await this.tx.visitor.findMany({
				where: { id: { in: unknownVisitors } },
				select: { contactId: true },
			});
			for (const row of visitorContacts) if (row.contactId) contactIds.add(row.contactId);
		}
		for (const id of rootVisitors) {
			const contactId = this.visitors.get(id)?.contactId;
			if (contactId) contactIds.add(contactId);
		}
		// Contacts created in this batch are not in the database yet: nothing to lock or read.
		const storedContacts = [...contactIds].filter((id) => !this.createdContacts.has(id));
		await lockRows(
			this.tx,
			"Contact",
			storedContacts.filter((id) => !this.contacts.has(id)),
		);
		await this.fillContactVisitors(storedContacts.filter((id) => !this.contactVisitors.has(id)));

		const visitorIds = new Set(rootVisitors);
		for (const id of contactIds)
			for (const v of this.contactVisitors.get(id) ?? []) visitorIds.add(v);
		const lockedVisitors = [...visitorIds].filter((id) => !this.visitors.has(id));
		await lockRows(this.tx, "Visitor", lockedVisitors);

		// Every lock is held: read the rows now.
		const visitorRows =
			lockedVisitors.length === 0
				? []
				: await this.tx.visitor.findMany({
						where: { id: { in: lockedVisitors } },
						select: VISITOR_SELECT,
					});
		for (const row of visitorRows) {
			this.visitors.set(row.id, row);
			if (row.contactId) contactIds.add(row.contactId);
		}
		await this.loadContactRows([...contactIds]);
		const orgIds = new Set(organizationIds);
		for (const id of contactIds) {
			const orgId = this.contacts.get(id)?.organizationId;
			if (orgId) orgIds.add(orgId);
		}
		const missingOrgs = [...orgIds].filter((id) => !this.organizations.has(id));
		if (missingOrgs.length > 0) {
			const rows = await this.tx.contactOrganization.findMany({
				where: { id: { in: missingOrgs } },
				select: { id: true, websiteId: true, featureFlags: true },
			});
			for (const row of rows) this.organizations.set(row.id, row);
		}
		await this.loadVisitorDocs([...visitorIds]);
	}

	/**
	 * Locks (`FOR NO KEY UPDATE`, before any contact: the one lock order) and loads organizations
	 * without their members, e.g. the one a contact moves into: only that contact's devices change.
	 */
	async loadOrganizations(ids: readonly string[]): Promise<void> {
		const missing = unique(ids).filter((id) => !this.organizations.has(id));
		if (missing.length === 0) return;
		await lockRows(this.tx, "ContactOrganization", missing);
		const rows = await this.tx.contactOrganization.findMany({
			where: { id: { in: missing } },
			select: { id: true, websiteId: true, featureFlags: true },
		});
		for (const row of rows) this.organizations.set(row.id, row);
	}

	/** Loads a website's identity secret and verification setting. */
	async loadWebsite(websiteId: string): Promise<void> {
		if (this.websites.has(websiteId)) return;
		const row = await this.tx.website.findUnique({
			where: { id: websiteId },
			select: { identitySecret: true, identityVerificationRequired: true },
		});
		if (row) this.websites.set(websiteId, row);
	}

	// ---- reads ----------------------------------------------------------------------------

	visitor(id: string): SupportVisitor | undefined {
		return this.visitors.get(id);
	}

	contact(id: string): SupportContact | undefined {
		return this.contacts.get(id);
	}

	website(id: string): WebsiteIdentity | undefined {
		return this.websites.get(id);
	}

	organization(id: string): SupportOrganization | undefined {
		return this.organizations.get(id);
	}

	/** A loaded contact of `websiteId` with this external id / email (created in-batch too). */
	findContact(
		websiteId: string,
		field: "externalId" | "email",
		value: string,
	): SupportContact | undefined {
		for (const contact of this.contacts.values()) {
			if (contact.websiteId === websiteId && contact[field] === value) return contact;
		}
		return undefined;
	}

	/** Every visitor (device) of a contact; the set must have been loaded. */
	visitorsOfContact(contactId: string): ReadonlySet<string> {
		const set = this.contactVisitors.get(contactId);
		if (!set) throw new Error(`visitors of contact ${contactId} not loaded in batch`);
		return set;
	}

	/** The row carrying a flag target's flags, if loaded. */
	flagTarget(
		type: FlagTargetType,
		id: string,
	): { websiteId: string; featureFlags: string[] } | undefined {
		if (type === "visitor") return this.visitors.get(id);
		if (type === "contact") return this.contacts.get(id);
		return this.organizations.get(id);
	}

	// ---- writes (synchronous, after all checks) -------------------------------------------

	/** Replaces a target's flags and marks every profile it reaches. */
	setFlags(type: FlagTargetType, id: string, flags: string[]): void {
		if (type === "visitor") {
			this.requireVisitor(id).featureFlags = flags;
			this.markVisitor(id, "featureFlags");
		} else if (type === "contact") {
			this.requireContact(id).featureFlags = flags;
			this.markContact(id, "featureFlags");
		} else {
			const organization = this.organizations.get(id);
			if (!organization) throw new Error(`organization ${id} not loaded in batch`);
			organization.featureFlags = flags;
			this.dirtyOrganizations.add(id);
			for (const contact of this.contacts.values()) {
				if (contact.organizationId === id) this.touchContact(contact.id);
			}
		}
	}

	setVisitorOnboarding(visitorId: string, state: OnboardingState): void {
		this.requireVisitor(visitorId).onboarding = state as Prisma.JsonValue;
		this.markVisitor(visitorId, "onboarding");
	}

	setContactOnboarding(contactId: string, state: OnboardingState): void {
		this.requireContact(contactId).onboarding = state as Prisma.JsonValue;
		this.markContact(contactId, "onboarding");
	}

	/** A new contact (inserted at flush, before anything that references it). */
	createContact(row: SupportContact): void {
		this.contacts.set(row.id, row);
		this.createdContacts.add(row.id);
		this.contactVisitors.set(row.id, new Set());
	}

	/** Changes identity fields of a contact; every device's public visitor changes with it. */
	patchContact(contactId: string, patch: ContactPatch): void {
		Object.assign(this.requireContact(contactId), patch);
		for (const key of Object.keys(patch) as Array<keyof ContactPatch>) {
			this.markContact(contactId, key);
		}
	}

	/**
	 * Moves a contact into an organization (loaded with `loadOrganizations`) or out of any
	 * (`null`); its devices' effective flags change with it.
	 */
	setContactOrganization(contactId: string, organizationId: string | null): void {
		if (organizationId !== null && !this.organizations.has(organizationId)) {
			throw new Error(`organization ${organizationId} not loaded in batch`);
		}
		this.requireContact(contactId).organizationId = organizationId;
		this.markContact(contactId, "organizationId");
	}

	/** Mirrors metadata BatchContext writes (it owns the metadata columns) into the profiles. */
	noteContactMetadata(contactId: string, metadata: Prisma.JsonValue, metadataHash: string): void {
		const contact = this.contacts.get(contactId);
		if (!contact) return;
		contact.metadata = metadata;
		contact.metadataHash = metadataHash;
		this.touchContact(contactId);
	}

	/** Links a visitor to a contact (moving it from its previous contact's devices). */
	linkVisitor(visitorId: string, contactId: string): void {
		const visitor = this.requireVisitor(visitorId);
		if (visitor.contactId === contactId) return;
		if (visitor.contactId) this.contactVisitors.get(visitor.contactId)?.delete(visitorId);
		const devices = this.contactVisitors.get(contactId);
		if (!devices) throw new Error(`visitors of contact ${contactId} not loaded in batch`);
		devices.add(visitorId);
		visitor.contactId = contactId;
		this.markVisitor(visitorId, "contactId");
	}

	/** Marks the profile of every device of a contact for rewriting. */
	touchContact(contactId: string): void {
		for (const visitorId of this.contactVisitors.get(contactId) ?? []) this.profiles.add(visitorId);
	}

	// ---- flush ----------------------------------------------------------------------------

	/** Writes the changed `profile` entries (an unchanged value writes no Yjs update). */
	writeProfiles(requireDoc: (name: string) => Y.Doc): void {
		for (const visitorId of this.profiles) {
			const visitor = this.requireVisitor(visitorId);
			const contact = visitor.contactId ? this.requireContact(visitor.contactId) : null;
			const orgId = contact?.organizationId;
			const organization = orgId ? this.organizations.get(orgId) : null;
			if (organization === undefined) throw new Error(`organization ${orgId} not loaded`);
			const profile = requireDoc(DocumentNames.visitor(visitorId)).getMap<unknown>(
				VISITOR_DOC_KEYS.profile,
			);
			setIfChanged(profile, VISITOR_PROFILE_KEYS.visitor, toPublicVisitor(visitor, contact));
			setIfChanged(
				profile,
				VISITOR_PROFILE_KEYS.supportState,
				effectiveSupportState(visitor, contact, organization),
			);
		}
	}

	/** Inserts created contacts, then updates exactly the changed columns of the other rows. */
	async flush(): Promise<void> {
		const { tx } = this;
		for (const id of this.dirtyOrganizations) {
			const { featureFlags } = this.organizations.get(id) as SupportOrganization;
			await tx.contactOrganization.update({ where: { id }, data: { featureFlags } });
		}
		// Updates before inserts, and updates that release an externalId or email before the
		// others: a contact may take one that another contact just released (`contact.identify`
		// winning over an unverified contact), and both columns are unique per website.
		for (const [id, fields] of this.contactUpdatesInOrder()) {
			if (this.createdContacts.has(id)) continue;
			const data = pick(this.requireContact(id), fields) as Prisma.ContactUncheckedUpdateInput;
			await tx.contact.update({ where: { id }, data });
		}
		const created = [...this.createdContacts].map((id) => this.requireContact(id));
		if (created.length > 0) {
			await tx.contact.createMany({
				data: created.map((contact) => ({
					...contact,
					metadata: contact.metadata as Prisma.InputJsonValue,
					onboarding: contact.onboarding as Prisma.InputJsonValue,
				})),
			});
		}
		for (const [id, fields] of this.dirtyVisitors) {
			const data = pick(this.requireVisitor(id), fields) as Prisma.VisitorUncheckedUpdateInput;
			await tx.visitor.update({ where: { id }, data });
		}
	}

	// ---- internals ------------------------------------------------------------------------

	/** Dirty contacts, those that released a unique identifier (now null) first. */
	private contactUpdatesInOrder(): Array<[string, Set<keyof SupportContact>]> {
		const releases = (id: string, fields: Set<keyof SupportContact>) => {
			const contact = this.requireContact(id);
			return (
				(fields.has("externalId") && contact.externalId === null) ||
				(fields.has("email") && contact.email === null)
			);
		};
		const entries = [...this.dirtyContacts];
		return [
			...entries.filter(([id, fields]) => releases(id, fields)),
			...entries.filter(([id, fields]) => !releases(id, fields)),
		];
	}

	private markVisitor(id: string, field: keyof SupportVisitor): void {
		addTo(this.dirtyVisitors, id, field);
		this.profiles.add(id);
	}

	private markContact(id: string, field: keyof SupportContact): void {
		addTo(this.dirtyContacts, id, field);
		this.touchContact(id);
	}

	private requireVisitor(id: string): SupportVisitor {
		const visitor = this.visitors.get(id);
		if (!visitor) throw new Error(`visitor ${id} not loaded in batch`);
		return visitor;
	}

	private requireContact(id: string): SupportContact {
		const contact = this.contacts.get(id);
		if (!contact) throw new Error(`contact ${id} not loaded in batch`);
		return contact;
	}

	private async fillContactVisitors(contactIds: readonly string[]): Promise<void> {
		if (contactIds.length === 0) return;
		for (const id of contactIds) this.contactVisitors.set(id, new Set());
		const rows = await this.tx.visitor.findMany({
			where: { contactId: { in: [...contactIds] } },
			select: { id: true, contactId: true },
		});
		for (const row of rows) if (row.contactId) this.contactVisitors.get(row.contactId)?.add(row.id);
	}

	private async loadContactRows(ids: readonly string[]): Promise<void> {
		const missing = ids.filter((id) => !this.contacts.has(id));
		if (missing.length === 0) return;
		const rows = await this.tx.contact.findMany({
			where: { id: { in: missing } },
			select: CONTACT_SELECT,
		});
		for (const row of rows) this.contacts.set(row.id, row);
	}

	private loadVisitorDocs(visitorIds: readonly string[]): Promise<void> {
		return this.loadDocs(unique(visitorIds).map((id) => DocumentNames.visitor(id)));
	}
}

function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
	if (stableJson(map.get(key)) !== stableJson(value)) map.set(key, value);
}

function unique(values: readonly string[]): string[] {
	return [...new Set(values)];
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
	const set = map.get(key);
	if (set) set.add(value);
	else map.set(key, new Set([value]));
}

/** The changed columns of a row, as an update's `data`. */
function pick<T extends object>(row: T, fields: ReadonlySet<keyof T>): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	for (const field of fields) data[field as string] = row[field];
	return data;
}
