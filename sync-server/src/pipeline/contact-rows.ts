import type { Prisma } from "../generated/prisma/client.ts";
import type {
	OnboardingState,
	SupportContact,
	SupportOrganization,
	SupportVisitor,
} from "../support/support-state.ts";
import type { VisitorFacts } from "./batch-facts.ts";
import type { DocumentWrites } from "./document-writes.ts";
import { type AudienceRoots, SupportAudienceLoader } from "./support-audience.ts";
import type { FlagTargetType } from "./support-queries.ts";
import { flushSupportRows, writeProfiles } from "./support-row-flush.ts";
import { SupportRowSet } from "./support-row-set.ts";

type TransactionClient = Prisma.TransactionClient;

/** A website's identity-verification settings (for `contact.identify`). */
export interface WebsiteIdentity {
	identitySecret: string;
	identityVerificationRequired: boolean;
}

type ContactPatch = Partial<
	Pick<SupportContact, "externalId" | "email" | "name" | "image" | "identityVerified">
>;

/**
 * The contacts and visitors of one command batch: who the issuing visitors are (website,
 * contact, blocked), contacts' identity and metadata, organizations, feature flags and
 * onboarding, which visitors are a contact's devices, and the `profile` map of every
 * `visitor/{id}` document those rows reach.
 *
 * Two views of a visitor exist because they are loaded for different reasons: `visitor()` is
 * read for every issuing visitor with the batch's facts (unlocked, enough to authorise), while
 * `supportVisitor()` is the full row, locked and read by `loadAudience` when a command rewrites
 * profiles. Same contract as BatchContext: loading (async, locking) before handlers run, writes
 * synchronous and in memory, rows written by the flush steps in the batch's transaction.
 */
export class ContactRows {
	private readonly facts = new Map<string, VisitorFacts>();
	private readonly websites = new Map<string, WebsiteIdentity>();
	private readonly rows = new SupportRowSet();
	private readonly loader: SupportAudienceLoader;
	/** Contacts whose metadata (held in their row above) is written at flush. */
	private readonly metadataWrites = new Set<string>();
	private readonly blocks = new Map<
		string,
		{ isBlocked: boolean; blockedAt: Date | null; blockedById: string | null }
	>();

	constructor(
		private readonly tx: TransactionClient,
		private readonly documents: DocumentWrites,
		private readonly now: Date,
	) {
		this.loader = new SupportAudienceLoader(tx, this.rows, (names) => documents.load(names));
	}

	// ---- loading (async, before handlers run) ---------------------------------------------

	/** Records the issuing (and named) visitors, read with the batch's facts. */
	noteVisitorFacts(visitors: readonly VisitorFacts[]): void {
		for (const row of visitors) this.facts.set(row.id, row);
	}

	/** Loads every device of these contacts and their `visitor/{id}` documents (see the loader). */
	loadDevices(contactIds: readonly string[]): Promise<void> {
		return this.loader.loadDevices(contactIds);
	}

	/** Locks and loads the rows and documents of every profile the roots reach. */
	loadAudience(roots: AudienceRoots): Promise<void> {
		return this.loader.loadAudience(roots);
	}

	/** Locks and loads organizations without their members (e.g. one a contact moves into). */
	loadOrganizations(ids: readonly string[]): Promise<void> {
		return this.loader.loadOrganizations(ids);
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

	/** An issuing or named visitor (website, contact, blocked), as the batch's facts read it. */
	visitor(id: string): VisitorFacts | undefined {
		return this.facts.get(id);
	}

	/** A visitor's full row, loaded by `loadAudience`. */
	supportVisitor(id: string): SupportVisitor | undefined {
		return this.rows.visitors.get(id);
	}

	/** A contact loaded by `loadAudience` or created in this batch. */
	contact(id: string): SupportContact | undefined {
		return this.rows.contacts.get(id);
	}

	website(id: string): WebsiteIdentity | undefined {
		return this.websites.get(id);
	}

	organization(id: string): SupportOrganization | undefined {
		return this.rows.organizations.get(id);
	}

	/** A loaded contact of `websiteId` with this external id / email (created in-batch too). */
	findContact(
		websiteId: string,
		field: "externalId" | "email",
		value: string,
	): SupportContact | undefined {
		for (const contact of this.rows.contacts.values()) {
			if (contact.websiteId === websiteId && contact[field] === value) return contact;
		}
		return undefined;
	}

	/** Every visitor (device) of a contact; the set must have been loaded. */
	devicesOf(contactId: string): ReadonlySet<string> {
		return this.rows.devicesOf(contactId);
	}

	/** The row carrying a flag target's flags, if loaded. */
	flagTarget(
		type: FlagTargetType,
		id: string,
	): { websiteId: string; featureFlags: string[] } | undefined {
		if (type === "visitor") return this.rows.visitors.get(id);
		if (type === "contact") return this.rows.contacts.get(id);
		return this.rows.organizations.get(id);
	}

	// ---- writes (synchronous, after all checks) -------------------------------------------

	/** Replaces a target's flags and marks every profile it reaches. */
	setFlags(type: FlagTargetType, id: string, flags: string[]): void {
		const { rows } = this;
		if (type === "visitor") {
			rows.requireVisitor(id).featureFlags = flags;
			rows.markVisitor(id, "featureFlags");
		} else if (type === "contact") {
			rows.requireContact(id).featureFlags = flags;
			rows.markContact(id, "featureFlags");
		} else {
			rows.requireOrganization(id).featureFlags = flags;
			rows.dirtyOrganizations.add(id);
			for (const contact of rows.contacts.values()) {
				if (contact.organizationId === id) rows.touchContact(contact.id);
			}
		}
	}

	setVisitorOnboarding(visitorId: string, state: OnboardingState): void {
		this.rows.requireVisitor(visitorId).onboarding = state as Prisma.JsonValue;
		this.rows.markVisitor(visitorId, "onboarding");
	}

	setContactOnboarding(contactId: string, state: OnboardingState): void {
		this.rows.requireContact(contactId).onboarding = state as Prisma.JsonValue;
		this.rows.markContact(contactId, "onboarding");
	}

	/** A new contact (inserted at flush, before anything that references it). */
	createContact(row: SupportContact): void {
		this.rows.contacts.set(row.id, row);
		this.rows.createdContacts.add(row.id);
		this.rows.devices.set(row.id, new Set());
	}

	/** Changes identity fields of a contact; every device's public visitor changes with it. */
	patchContact(contactId: string, patch: ContactPatch): void {
		Object.assign(this.rows.requireContact(contactId), patch);
		for (const key of Object.keys(patch) as Array<keyof ContactPatch>) {
			this.rows.markContact(contactId, key);
		}
	}

	/**
	 * Moves a contact into an organization (loaded with `loadOrganizations`) or out of any
	 * (`null`); its devices' effective flags change with it.
	 */
	setOrganization(contactId: string, organizationId: string | null): void {
		if (organizationId !== null) this.rows.requireOrganization(organizationId);
		this.rows.requireContact(contactId).organizationId = organizationId;
		this.rows.markContact(contactId, "organizationId");
	}

	/**
	 * Replaces a contact's metadata and its hash (later commands of the batch compare against
	 * it); every device's public contact shows it.
	 */
	setMetadata(contactId: string, metadata: Prisma.InputJsonValue, metadataHash: string): void {
		const contact = this.rows.requireContact(contactId);
		contact.metadata = metadata as Prisma.JsonValue;
		contact.metadataHash = metadataHash;
		this.metadataWrites.add(contactId);
		this.rows.touchContact(contactId);
	}

	/**
	 * Links a visitor to a contact, moving it from its previous contact's devices: later commands
	 * of the batch see the link (a conversation it starts gets the contact), and its profile is
	 * rewritten. The visitor and the contact's devices must be loaded (`loadAudience`).
	 */
	linkVisitor(visitorId: string, contactId: string): void {
		const facts = this.facts.get(visitorId);
		if (facts) facts.contactId = contactId;
		const visitor = this.rows.requireVisitor(visitorId);
		if (visitor.contactId === contactId) return;
		if (visitor.contactId) this.rows.devices.get(visitor.contactId)?.delete(visitorId);
		this.rows.devicesOf(contactId).add(visitorId);
		visitor.contactId = contactId;
		this.rows.markVisitor(visitorId, "contactId");
	}

	/** Blocks or unblocks a visitor (row written at flush; later commands of the batch see it). */
	setVisitorBlocked(visitorId: string, blocked: boolean, byUserId: string | null): void {
		const visitor = this.facts.get(visitorId);
		if (visitor) visitor.isBlocked = blocked;
		this.blocks.set(visitorId, {
			isBlocked: blocked,
			blockedAt: blocked ? this.now : null,
			blockedById: blocked ? byUserId : null,
		});
	}

	// ---- flush ----------------------------------------------------------------------------

	/** Writes the changed profiles (inside DocumentWrites.transactAll, before any row). */
	writeProfiles(): void {
		writeProfiles(this.rows, (name) => this.documents.require(name));
	}

	/**
	 * Writes organizations, contacts (created ones inserted) and visitors. Runs before the
	 * conversations are inserted: one may reference a contact created in this batch.
	 */
	flushRows(): Promise<void> {
		return flushSupportRows(this.tx, this.rows);
	}

	/** Writes the metadata and blocks the batch changed (after the conversations' rows). */
	async flushMetadataAndBlocks(): Promise<void> {
		for (const id of this.metadataWrites) {
			const { metadata, metadataHash } = this.rows.requireContact(id);
			await this.tx.contact.update({
				where: { id },
				data: { metadata: metadata as Prisma.InputJsonValue, metadataHash },
			});
		}
		for (const [id, data] of this.blocks) {
			await this.tx.visitor.update({ where: { id }, data });
		}
	}
}
