import type { Database } from "../persistence/database.ts";
import { randomToken } from "./crypto-helpers.ts";

const KEY = "visitor_token_secret";

/**
 * The secret that signs visitor tokens: `AUTH_SECRET` when set, otherwise generated once and
 * kept in the database so that every process (and every restart) shares it.
 */
export async function resolveServerSecret(
	db: Database,
	configured: string | undefined,
): Promise<string> {
	if (configured) return configured;
	await db.prisma.serverSetting.createMany({
		data: [{ key: KEY, value: randomToken(48) }],
		skipDuplicates: true,
	});
	const row = await db.prisma.serverSetting.findUniqueOrThrow({ where: { key: KEY } });
	return row.value;
}
