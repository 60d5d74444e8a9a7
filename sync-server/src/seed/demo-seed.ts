import { uuidv7 } from "uuidv7";
import { generateApiKey } from "../auth/api-keys.ts";
import { randomToken } from "../auth/crypto-helpers.ts";
import { hashPassword } from "../auth/passwords.ts";
import type { Database } from "../persistence/database.ts";

/** What a fresh install prints and writes to `.data/demo.json`. */
export interface DemoCredentials {
	websiteId: string;
	publicKey: string;
	agentEmail: string;
	/** Known only when this run created the admin; later runs keep it from demo.json. */
	agentPassword: string | null;
}

export const DEMO_AGENT_EMAIL = "admin@example.com";

/**
 * Seeds an empty database with a demo website, a `pk_test_…` key (works from localhost) and an
 * admin agent with a random password. Does nothing when a website exists.
 */
export async function seedDemo(db: Database): Promise<DemoCredentials | null> {
	const existing = await db.prisma.website.findFirst({
		orderBy: { createdAt: "asc" },
		include: {
			apiKeys: { where: { kind: "public", revokedAt: null }, orderBy: { createdAt: "asc" } },
		},
	});
	if (existing) {
		const key = existing.apiKeys[0]?.publicValue;
		return key
			? {
					websiteId: existing.id,
					publicKey: key,
					agentEmail: DEMO_AGENT_EMAIL,
					agentPassword: null,
				}
			: null;
	}
	const websiteId = uuidv7();
	const userId = uuidv7();
	const key = generateApiKey("public", "test");
	const password = randomToken(12);
	const passwordHash = await hashPassword(password);
	await db.prisma.$transaction([
		db.prisma.website.create({
			data: {
				id: websiteId,
				name: "Demo website",
				allowedOrigins: ["http://localhost:3000", "http://localhost:5173"],
				identitySecret: randomToken(32),
				// So that the demo's widget shows what a configured website shows on its home page.
				replyTimeMinutes: 15,
			},
		}),
		db.prisma.apiKey.create({
			data: {
				id: uuidv7(),
				websiteId,
				kind: "public",
				environment: "test",
				name: "Demo public key",
				prefix: key.prefix,
				keyHash: key.hash,
				publicValue: key.value,
			},
		}),
		db.prisma.user.create({
			data: {
				id: userId,
				email: DEMO_AGENT_EMAIL,
				name: "Demo Admin",
				passwordHash,
			},
		}),
		db.prisma.websiteMember.create({ data: { websiteId, userId, role: "admin" } }),
	]);
	return { websiteId, publicKey: key.value, agentEmail: DEMO_AGENT_EMAIL, agentPassword: password };
}
