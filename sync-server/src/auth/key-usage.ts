import type { Database } from "../persistence/database.ts";

/** `lastUsedAt` is a hint for admins ("is this key still in use?"), not an audit log. */
const WRITE_INTERVAL_MS = 60_000;
/** Keys remembered in memory before the oldest are forgotten (bounded under key floods). */
const MAX_TRACKED_KEYS = 10_000;

/**
 * Records when API keys are used, writing `lastUsedAt` at most once a minute per key so a busy
 * key does not turn every request into a database write. The stored value also throttles: a key
 * that another process stamped within the minute is not written again. Writes never delay or
 * fail the request that used the key.
 */
export class KeyUsageRecorder {
	private readonly lastWrite = new Map<string, number>();

	constructor(
		private readonly db: Database,
		private readonly onError: (error: unknown) => void = () => {},
	) {}

	/** Notes that `apiKeyId` (whose stored `lastUsedAt` is given) was used now. */
	touch(apiKeyId: string, storedLastUsedAt: Date | null, now = Date.now()): void {
		const last = Math.max(this.lastWrite.get(apiKeyId) ?? 0, storedLastUsedAt?.getTime() ?? 0);
		if (now - last < WRITE_INTERVAL_MS) return;
		this.lastWrite.delete(apiKeyId);
		this.lastWrite.set(apiKeyId, now);
		if (this.lastWrite.size > MAX_TRACKED_KEYS) {
			const oldest = this.lastWrite.keys().next().value;
			if (oldest !== undefined) this.lastWrite.delete(oldest);
		}
		this.db.prisma.apiKey
			.updateMany({ where: { id: apiKeyId }, data: { lastUsedAt: new Date(now) } })
			.catch(this.onError);
	}
}
