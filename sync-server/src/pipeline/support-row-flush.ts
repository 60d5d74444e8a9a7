import { DocumentNames, VISITOR_DOC_KEYS, VISITOR_PROFILE_KEYS } from "@cossistant/types";
import type * as Y from "yjs";
import type { Prisma } from "../generated/prisma/client.ts";
import { stableJson } from "../support/stable-json.ts";
import {
	effectiveSupportState,
	type SupportContact,
	toPublicVisitor,
} from "../support/support-state.ts";
import type { SupportRowSet } from "./support-row-set.ts";

/**
 * Writes the changed `profile` entries of a batch's visitors (VISITOR_PROFILE_KEYS: the public
 * visitor and the effective support state); an unchanged value writes no Yjs update.
 */
export function writeProfiles(rows: SupportRowSet, requireDoc: (name: string) => Y.Doc): void {
	for (const visitorId of rows.profiles) {
		const visitor = rows.requireVisitor(visitorId);
		const contact = visitor.contactId ? rows.requireContact(visitor.contactId) : null;
		const orgId = contact?.organizationId;
		const organization = orgId ? rows.organizations.get(orgId) : null;
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

/**
 * Writes the batch's organization flags, contact changes, created contacts and visitor changes:
 * exactly the changed columns of each row.
 */
export async function flushSupportRows(
	tx: Prisma.TransactionClient,
	rows: SupportRowSet,
): Promise<void> {
	for (const id of rows.dirtyOrganizations) {
		const { featureFlags } = rows.requireOrganization(id);
		await tx.contactOrganization.update({ where: { id }, data: { featureFlags } });
	}
	// Updates before inserts, and updates that release an externalId or email before the
	// others: a contact may take one that another contact just released (`contact.identify`
	// winning over an unverified contact), and both columns are unique per website.
	for (const [id, fields] of contactUpdatesInOrder(rows)) {
		if (rows.createdContacts.has(id)) continue;
		const data = pick(rows.requireContact(id), fields) as Prisma.ContactUncheckedUpdateInput;
		await tx.contact.update({ where: { id }, data });
	}
	const created = [...rows.createdContacts].map((id) => rows.requireContact(id));
	if (created.length > 0) {
		await tx.contact.createMany({
			data: created.map((contact) => ({
				...contact,
				metadata: contact.metadata as Prisma.InputJsonValue,
				onboarding: contact.onboarding as Prisma.InputJsonValue,
			})),
		});
	}
	for (const [id, fields] of rows.dirtyVisitors) {
		const data = pick(rows.requireVisitor(id), fields) as Prisma.VisitorUncheckedUpdateInput;
		await tx.visitor.update({ where: { id }, data });
	}
}

/** Dirty contacts, those that released a unique identifier (now null) first. */
function contactUpdatesInOrder(rows: SupportRowSet): Array<[string, Set<keyof SupportContact>]> {
	const releases = (id: string, fields: Set<keyof SupportContact>) => {
		const contact = rows.requireContact(id);
		return (
			(fields.has("externalId") && contact.externalId === null) ||
			(fields.has("email") && contact.email === null)
		);
	};
	const entries = [...rows.dirtyContacts];
	return [
		...entries.filter(([id, fields]) => releases(id, fields)),
		...entries.filter(([id, fields]) => !releases(id, fields)),
	];
}

function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
	if (stableJson(map.get(key)) !== stableJson(value)) map.set(key, value);
}

/** The changed columns of a row, as an update's `data`. */
function pick<T extends object>(row: T, fields: ReadonlySet<keyof T>): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	for (const field of fields) data[field as string] = row[field];
	return data;
}
