import type { LoginResponse } from "@cossistant/types";
import { uuidv7 } from "uuidv7";
import type { Database } from "../persistence/database.ts";
import { randomToken, sha256Hex } from "./crypto-helpers.ts";

/**
 * Opens a dashboard session for `userId`: a random bearer token (`st_…`) of which only the
 * SHA-256 is stored, valid for `ttlMs`. Answers what `POST /v1/auth/login` returns.
 */
export async function openSession(
	db: Database,
	userId: string,
	ttlMs: number,
): Promise<LoginResponse> {
	const token = `st_${randomToken(32)}`;
	const expiresAt = new Date(Date.now() + ttlMs);
	await db.prisma.session.create({
		data: { id: uuidv7(), userId, tokenHash: sha256Hex(token), expiresAt },
	});
	const user = await db.prisma.user.findUniqueOrThrow({
		where: { id: userId },
		include: {
			memberships: { select: { websiteId: true, role: true }, orderBy: { createdAt: "asc" } },
		},
	});
	const adminWebsiteIds = user.memberships
		.filter((m) => m.role === "admin")
		.map((m) => m.websiteId);
	return {
		token,
		expiresAt: expiresAt.toISOString(),
		user: {
			id: user.id,
			email: user.email,
			name: user.name,
			image: user.image,
			// Roles are per website (adminWebsiteIds); this one says whether it is an admin anywhere.
			role: adminWebsiteIds.length > 0 ? "admin" : "agent",
		},
		websiteIds: user.memberships.map((m) => m.websiteId),
		adminWebsiteIds,
	};
}
