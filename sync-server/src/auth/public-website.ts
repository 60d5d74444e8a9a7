import type { PublicWebsiteResponse } from "@cossistant/types";
import { ApiError } from "../errors/api-error.ts";
import type { Database } from "../persistence/database.ts";

/**
 * A website's public face (name, its agents and AI agents, typical reply time) for the widget's bootstrap, in one
 * statement: every page view of every visitor asks for it, and Prisma's nested `include` took
 * four round trips (~0.8 ms each here) for the same answer.
 */
export async function loadPublicWebsite(
	db: Database,
	websiteId: string,
): Promise<PublicWebsiteResponse> {
	const rows = await db.prisma.$queryRaw<
		Array<{
			id: string;
			name: string;
			replyTimeMinutes: number | null;
			humans: Array<{ id: string; name: string; image: string | null }>;
			ais: Array<{ id: string; name: string; image: string | null }>;
		}>
	>`
		SELECT w."id", w."name", w."replyTimeMinutes",
			COALESCE((
				SELECT json_agg(json_build_object('id', u."id", 'name', u."name", 'image', u."image")
					ORDER BY m."createdAt", u."id")
				FROM "WebsiteMember" m JOIN "User" u ON u."id" = m."userId"
				WHERE m."websiteId" = w."id"
			), '[]'::json) AS "humans",
			COALESCE((
				SELECT json_agg(json_build_object('id', a."id", 'name', a."name", 'image', a."image")
					ORDER BY a."createdAt", a."id")
				FROM "AiAgent" a WHERE a."websiteId" = w."id"
			), '[]'::json) AS "ais"
		FROM "Website" w WHERE w."id" = ${websiteId}`;
	const website = rows[0];
	if (!website) throw new ApiError(404, "not_found", "Website not found.");
	return {
		id: website.id,
		name: website.name,
		availableHumanAgents: website.humans.map((user) => ({ ...user, lastSeenAt: null })),
		availableAIAgents: website.ais,
		replyTimeMinutes: website.replyTimeMinutes,
	};
}
