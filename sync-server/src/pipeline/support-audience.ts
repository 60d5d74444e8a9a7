import { DocumentNames } from "@cossistant/types";
import type { Prisma } from "../generated/prisma/client.ts";
import { CONTACT_SELECT, lockRows, VISITOR_SELECT } from "./support-queries.ts";
import { type SupportRowSet, unique } from "./support-row-set.ts";

type TransactionClient = Prisma.TransactionClient;

/** Where an audience starts: every visitor whose profile these rows reach is loaded. */
export interface AudienceRoots {
	organizationIds?: readonly string[];
	contactIds?: readonly string[];
	visitorIds?: readonly string[];
}

/**
 * Loads support rows into a batch's SupportRowSet. Rows are locked in one order
 * (organizations → contacts → visitors) and read only after their locks are held, so two
 * processes rewriting the same visitor's profile are serialised and the later one computes
 * from the earlier one's committed rows.
 */
export class SupportAudienceLoader {
	constructor(
		private readonly tx: TransactionClient,
		private readonly rows: SupportRowSet,
		private readonly loadDocs: (names: readonly string[]) => Promise<void>,
	) {}

	/**
	 * Loads the visitor ids of contacts, for the conversation summaries every device of a contact
	 * sees, and preloads their `visitor/{id}` documents. `FOR KEY SHARE` on the contacts
	 * serialises this with `contact.identify` (which locks the contact to add a visitor), so a
	 * summary is never written to a visitor list that misses a device linked concurrently.
	 */
	async loadDevices(contactIds: readonly string[]): Promise<void> {
		const missing = unique(contactIds).filter((id) => !this.rows.devices.has(id));
		if (missing.length === 0) return;
		await this.tx.$queryRaw`
			SELECT "id" FROM "Contact" WHERE "id" = ANY(${missing}::text[]) ORDER BY "id" FOR KEY SHARE`;
		await this.fillDevices(missing);
		await this.loadVisitorDocs(missing.flatMap((id) => [...(this.rows.devices.get(id) ?? [])]));
	}

	/**
	 * Locks and loads everything needed to rewrite the profiles the roots reach: the root
	 * organizations, their contacts, the root contacts and the root visitors' contacts, every
	 * visitor of those contacts, and their documents.
	 */
	async loadAudience(roots: AudienceRoots): Promise<void> {
		const { tx, rows } = this;
		const organizationIds = unique(roots.organizationIds ?? []);
		await lockRows(tx, "ContactOrganization", organizationIds);

		const contactIds = new Set(roots.contactIds ?? []);
		const pendingOrgs = organizationIds.filter((id) => !rows.organizations.has(id));
		if (pendingOrgs.length > 0) {
			const members = await tx.contact.findMany({
				where: { organizationId: { in: pendingOrgs } },
				select: { id: true },
			});
			for (const row of members) contactIds.add(row.id);
		}
		for (const contact of rows.contacts.values()) {
			if (contact.organizationId && organizationIds.includes(contact.organizationId)) {
				contactIds.add(contact.id);
			}
		}
		const rootVisitors = unique(roots.visitorIds ?? []);
		const unknownVisitors = rootVisitors.filter((id) => !rows.visitors.has(id));
		if (unknownVisitors.length > 0) {
			const visitorContacts = await tx.visitor.findMany({
				where: { id: { in: unknownVisitors } },
				select: { contactId: true },
			});
			for (const row of visitorContacts) if (row.contactId) contactIds.add(row.contactId);
		}
		for (const id of rootVisitors) {
			const contactId = rows.visitors.get(id)?.contactId;
			if (contactId) contactIds.add(contactId);
		}
		// Contacts created in this batch are not in the database yet: nothing to lock or read.
		const storedContacts = [...contactIds].filter((id) => !rows.createdContacts.has(id));
		await lockRows(
			tx,
			"Contact",
			storedContacts.filter((id) => !rows.contacts.has(id)),
		);
		await this.fillDevices(storedContacts.filter((id) => !rows.devices.has(id)));

		const visitorIds = new Set(rootVisitors);
		for (const id of contactIds) for (const v of rows.devices.get(id) ?? []) visitorIds.add(v);
		const lockedVisitors = [...visitorIds].filter((id) => !rows.visitors.has(id));
		await lockRows(tx, "Visitor", lockedVisitors);

		// Every lock is held: read the rows now.
		const visitorRows =
			lockedVisitors.length === 0
				? []
				: await tx.visitor.findMany({
						where: { id: { in: lockedVisitors } },
						select: VISITOR_SELECT,
					});
		for (const row of visitorRows) {
			rows.visitors.set(row.id, row);
			if (row.contactId) contactIds.add(row.contactId);
		}
		await this.loadContactRows([...contactIds]);
		const orgIds = new Set(organizationIds);
		for (const id of contactIds) {
			const orgId = rows.contacts.get(id)?.organizationId;
			if (orgId) orgIds.add(orgId);
		}
		await this.readOrganizations([...orgIds].filter((id) => !rows.organizations.has(id)));
		await this.loadVisitorDocs([...visitorIds]);
	}

	/**
	 * Locks (`FOR NO KEY UPDATE`, before any contact: the one lock order) and loads organizations
	 * without their members, e.g. the one a contact moves into: only that contact's devices change.
	 */
	async loadOrganizations(ids: readonly string[]): Promise<void> {
		const missing = unique(ids).filter((id) => !this.rows.organizations.has(id));
		if (missing.length === 0) return;
		await lockRows(this.tx, "ContactOrganization", missing);
		await this.readOrganizations(missing);
	}

	private async readOrganizations(ids: readonly string[]): Promise<void> {
		if (ids.length === 0) return;
		const rows = await this.tx.contactOrganization.findMany({
			where: { id: { in: [...ids] } },
			select: { id: true, websiteId: true, featureFlags: true },
		});
		for (const row of rows) this.rows.organizations.set(row.id, row);
	}

	private async fillDevices(contactIds: readonly string[]): Promise<void> {
		if (contactIds.length === 0) return;
		for (const id of contactIds) this.rows.devices.set(id, new Set());
		const rows = await this.tx.visitor.findMany({
			where: { contactId: { in: [...contactIds] } },
			select: { id: true, contactId: true },
		});
		for (const row of rows) if (row.contactId) this.rows.devices.get(row.contactId)?.add(row.id);
	}

	private async loadContactRows(ids: readonly string[]): Promise<void> {
		const missing = ids.filter((id) => !this.rows.contacts.has(id));
		if (missing.length === 0) return;
		const rows = await this.tx.contact.findMany({
			where: { id: { in: missing } },
			select: CONTACT_SELECT,
		});
		for (const row of rows) this.rows.contacts.set(row.id, row);
	}

	private loadVisitorDocs(visitorIds: readonly string[]): Promise<void> {
		return this.loadDocs(unique(visitorIds).map((id) => DocumentNames.visitor(id)));
	}
}
