import type {
	ContactRecord,
	OrganizationRecord,
	TeamVisitor,
	VisitorMetadata,
} from "@cossistant/types";
import * as v from "valibot";
import type {
	ContactOrganization,
	Contact as ContactRow,
	Visitor as VisitorRow,
} from "../generated/prisma/client.ts";
import type { Database } from "../persistence/database.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";

/**
 * Read models of visitors, contacts and organizations for the support team. Every lookup is
 * scoped to the caller's websites: another website's id reads as missing (a 404 upstream), so
 * ids of other tenants are never confirmed.
 */

/** A visitor of one of `websiteIds`, or null. */
export async function findTeamVisitor(
	db: Database,
	websiteIds: ReadonlySet<string>,
	id: string,
): Promise<VisitorRow | null> {
	const row = await db.prisma.visitor.findUnique({ where: { id } });
	return row && websiteIds.has(row.websiteId) ? row : null;
}

/** A contact of one of `websiteIds`, or null. */
export async function findTeamContact(
	db: Database,
	websiteIds: ReadonlySet<string>,
	id: string,
): Promise<ContactRow | null> {
	const row = await db.prisma.contact.findUnique({ where: { id } });
	return row && websiteIds.has(row.websiteId) ? row : null;
}

/** An organization of one of `websiteIds`, or null. */
export async function findTeamOrganization(
	db: Database,
	websiteIds: ReadonlySet<string>,
	id: string,
): Promise<ContactOrganization | null> {
	const row = await db.prisma.contactOrganization.findUnique({ where: { id } });
	return row && websiteIds.has(row.websiteId) ? row : null;
}

const positionSchema = v.strictObject({ i: v.pipe(v.string(), v.minLength(1), v.maxLength(64)) });

/** A page of the organizations of `websiteIds` in id (creation) order. */
export async function listOrganizations(
	db: Database,
	websiteIds: ReadonlySet<string>,
	query: { limit: number; cursor?: string | undefined; externalId?: string | undefined },
): Promise<{ organizations: OrganizationRecord[]; nextCursor: string | null }> {
	const after = query.cursor ? decodeCursor(query.cursor, positionSchema).i : undefined;
	const rows = await db.prisma.contactOrganization.findMany({
		where: {
			websiteId: { in: [...websiteIds] },
			...(query.externalId ? { externalId: query.externalId } : {}),
			...(after ? { id: { gt: after } } : {}),
		},
		orderBy: { id: "asc" },
		take: query.limit + 1,
	});
	const page = rows.slice(0, query.limit);
	const last = page.at(-1);
	return {
		organizations: page.map(toOrganizationRecord),
		nextCursor: rows.length > query.limit && last ? encodeCursor({ i: last.id }) : null,
	};
}

/** A visitor row as the team API returns it. */
export function toTeamVisitor(row: VisitorRow): TeamVisitor {
	return {
		id: row.id,
		websiteId: row.websiteId,
		contactId: row.contactId,
		language: row.language,
		timezone: row.timezone,
		isBlocked: row.isBlocked,
		blockedAt: row.blockedAt?.toISOString() ?? null,
		lastSeenAt: row.lastSeenAt.toISOString(),
		createdAt: row.createdAt.toISOString(),
	};
}

/** A contact row as the team API returns it. */
export function toContactRecord(row: ContactRow): ContactRecord {
	return {
		id: row.id,
		websiteId: row.websiteId,
		externalId: row.externalId,
		email: row.email,
		name: row.name,
		image: row.image,
		metadata: (row.metadata ?? {}) as VisitorMetadata,
		organizationId: row.organizationId,
		featureFlags: [...row.featureFlags].sort(),
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString(),
	};
}

/** An organization row as the team API returns it. */
export function toOrganizationRecord(row: ContactOrganization): OrganizationRecord {
	return {
		id: row.id,
		websiteId: row.websiteId,
		externalId: row.externalId,
		name: row.name,
		metadata: (row.metadata ?? {}) as VisitorMetadata,
		featureFlags: [...row.featureFlags].sort(),
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString(),
	};
}
