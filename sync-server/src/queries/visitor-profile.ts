import type { PublicVisitor } from "@cossistant/types";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Database } from "../persistence/database.ts";
import { toPublicVisitor } from "../support/support-state.ts";

/** A visitor row with its contact, as the widget's REST calls read it. */
export interface VisitorProfile {
	id: string;
	websiteId: string;
	contactId: string | null;
	language: string | null;
	timezone: string | null;
	userAgent: string | null;
	isBlocked: boolean;
	lastSeenAt: Date;
	contact: {
		id: string;
		externalId: string | null;
		email: string | null;
		name: string | null;
		image: string | null;
		metadata: Prisma.JsonValue;
		metadataHash: string | null;
		identityVerified: boolean;
	} | null;
	/** The website's identify settings (server-side only: the secret never leaves the server). */
	website: { identitySecret: string; identityVerificationRequired: boolean };
}

/**
 * A visitor, its contact and its website's identify settings in one statement (Prisma's
 * `include` takes a round trip per relation): the widget's bootstrap and identify read it on
 * every page view.
 */
export async function loadVisitorProfile(
	db: Database,
	visitorId: string,
): Promise<VisitorProfile | null> {
	const rows = await db.prisma.$queryRaw<VisitorProfile[]>`
		SELECT v."id", v."websiteId", v."contactId", v."language", v."timezone", v."userAgent",
			v."isBlocked", v."lastSeenAt",
			CASE WHEN c."id" IS NULL THEN NULL ELSE json_build_object(
				'id', c."id", 'externalId', c."externalId", 'email', c."email", 'name', c."name",
				'image', c."image", 'metadata', c."metadata", 'metadataHash', c."metadataHash",
				'identityVerified', c."identityVerified"
			) END AS "contact",
			json_build_object(
				'identitySecret', w."identitySecret",
				'identityVerificationRequired', w."identityVerificationRequired"
			) AS "website"
		FROM "Visitor" v
		JOIN "Website" w ON w."id" = v."websiteId"
		LEFT JOIN "Contact" c ON c."id" = v."contactId"
		WHERE v."id" = ${visitorId}`;
	return rows[0] ?? null;
}

/** The visitor as the widget sees it (docs: Types → PublicVisitor). */
export function publicVisitorOf(
	profile: Pick<VisitorProfile, "id" | "language" | "timezone" | "isBlocked" | "contact">,
): PublicVisitor {
	return toPublicVisitor(profile, profile.contact);
}
