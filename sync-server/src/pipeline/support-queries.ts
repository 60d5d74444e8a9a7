import type { FeatureFlagMutation } from "@cossistant/types";
import type { Prisma } from "../generated/prisma/client.ts";

type TransactionClient = Prisma.TransactionClient;

/** The kinds of rows that carry feature flags. */
export type FlagTargetType = FeatureFlagMutation["target"]["type"];

/** Visitor columns of the support state and the public visitor. */
export const VISITOR_SELECT = {
	id: true,
	websiteId: true,
	contactId: true,
	language: true,
	timezone: true,
	isBlocked: true,
	featureFlags: true,
	onboarding: true,
} as const;

/** Contact columns of the support state and the public contact. */
export const CONTACT_SELECT = {
	id: true,
	websiteId: true,
	externalId: true,
	email: true,
	name: true,
	image: true,
	metadata: true,
	metadataHash: true,
	featureFlags: true,
	onboarding: true,
	organizationId: true,
	identityVerified: true,
} as const;

/**
 * Locks rows `FOR NO KEY UPDATE` in id order: writers of the same rows wait for each other
 * (in one order, so they do not deadlock), while foreign-key checks (`KEY SHARE`) pass.
 */
export async function lockRows(
	tx: TransactionClient,
	table: "Visitor" | "Contact" | "ContactOrganization",
	ids: readonly string[],
): Promise<void> {
	if (ids.length === 0) return;
	const sorted = [...ids].sort();
	if (table === "Visitor") {
		await tx.$queryRaw`
			SELECT "id" FROM "Visitor" WHERE "id" = ANY(${sorted}::text[]) ORDER BY "id" FOR NO KEY UPDATE`;
	} else if (table === "Contact") {
		await tx.$queryRaw`
			SELECT "id" FROM "Contact" WHERE "id" = ANY(${sorted}::text[]) ORDER BY "id" FOR NO KEY UPDATE`;
	} else {
		await tx.$queryRaw`
			SELECT "id" FROM "ContactOrganization" WHERE "id" = ANY(${sorted}::text[]) ORDER BY "id" FOR NO KEY UPDATE`;
	}
}

/** Ids of the website's contacts matching `externalId` or `email` (not locked: candidates). */
export async function findContactIds(
	tx: TransactionClient,
	websiteId: string,
	match: { externalId?: string; email?: string },
): Promise<string[]> {
	const or = [
		...(match.externalId ? [{ externalId: match.externalId }] : []),
		...(match.email ? [{ email: match.email }] : []),
	];
	if (or.length === 0) return [];
	const rows = await tx.contact.findMany({ where: { websiteId, OR: or }, select: { id: true } });
	return rows.map((row) => row.id);
}

/** Whether a flag target exists in one of `websiteIds` (checked before loading its audience). */
export async function flagTargetExists(
	tx: TransactionClient,
	type: FlagTargetType,
	id: string,
	websiteIds: ReadonlySet<string>,
): Promise<boolean> {
	const where = { id, websiteId: { in: [...websiteIds] } };
	const count =
		type === "visitor"
			? await tx.visitor.count({ where })
			: type === "contact"
				? await tx.contact.count({ where })
				: await tx.contactOrganization.count({ where });
	return count > 0;
}
