import { ApiError } from "../errors/api-error.ts";
import type { Database } from "../persistence/database.ts";
import type { Uploader, UploadTarget } from "./upload-target.ts";

/** The window daily quotas are counted over (rolling, not calendar days). */
const WINDOW_MS = 24 * 3_600_000;

/** Daily upload quotas in bytes (`UPLOAD_*_DAILY_BYTES`); 0 = no quota. */
export interface UploadQuotaLimits {
	visitorDailyBytes: number;
	websiteDailyBytes: number;
}

/** A reservation of bytes for an upload being stored; released once its row is written (or not). */
export type QuotaReservation = { release(): void };

/**
 * Daily disk quotas on uploads: bytes per visitor and per website within the last 24 hours,
 * summed from the `Upload` rows (so they hold across restarts and processes) plus the uploads
 * this process is storing right now. Those are reserved before the sum is read, so parallel
 * uploads cannot all slip under the quota; two processes may still overshoot it by one upload
 * each, which is accepted (a quota caps growth, it is not billing).
 *
 * Only visitors are refused: they are anonymous and free to mint. Agents' uploads count toward
 * their website's bytes, but a flood of visitor uploads must never stop agents from sending
 * files. Refusals are 429 `upload_quota_exceeded` with the scope and the quota.
 */
export class UploadQuota {
	/** Bytes being stored now, per `visitor:` / `website:` key, by reservation number. */
	private readonly storing = new Map<string, Map<number, number>>();
	private reservations = 0;

	constructor(
		private readonly db: Database,
		private readonly limits: UploadQuotaLimits,
	) {}

	/**
	 * Refuses a visitor already at a quota, before its body is read. `declaredBytes` (the
	 * Content-Length, when sent) refuses a body that could not fit without reading it.
	 */
	async precheck(uploader: Uploader, target: UploadTarget, declaredBytes: number): Promise<void> {
		if (uploader.kind !== "visitor") return;
		const declared = Math.max(0, declaredBytes);
		await this.check(
			uploader,
			target,
			Number.POSITIVE_INFINITY,
			(used, quota) => used >= quota || used + declared > quota,
		);
	}

	/**
	 * Reserves `bytes` for an upload about to be stored, or refuses it past a quota. Parallel
	 * uploads are counted in the order they reserved: each sees the bytes of those before it, so
	 * the first ones that fit are stored and only the later ones are refused.
	 */
	async reserve(
		uploader: Uploader,
		target: UploadTarget,
		bytes: number,
	): Promise<QuotaReservation> {
		this.reservations += 1;
		const number = this.reservations;
		const keys = this.keysOf(uploader, target);
		for (const key of keys) {
			const held = this.storing.get(key) ?? new Map<number, number>();
			held.set(number, bytes);
			this.storing.set(key, held);
		}
		let released = false;
		const reservation = {
			release: () => {
				if (released) return;
				released = true;
				for (const key of keys) {
					const held = this.storing.get(key);
					held?.delete(number);
					if (held?.size === 0) this.storing.delete(key);
				}
			},
		};
		if (uploader.kind !== "visitor") return reservation;
		try {
			// This upload's own bytes are among the reserved ones counted.
			await this.check(uploader, target, number, (used, quota) => used > quota);
		} catch (error) {
			reservation.release();
			throw error;
		}
		return reservation;
	}

	/**
	 * Throws when `over(used, quota)` holds for a scope; `used` counts the stored bytes and those
	 * of reservations up to number `upTo`.
	 */
	private async check(
		visitor: Extract<Uploader, { kind: "visitor" }>,
		target: UploadTarget,
		upTo: number,
		over: (used: number, quota: number) => boolean,
	): Promise<void> {
		const since = new Date(Date.now() - WINDOW_MS);
		const scopes = [
			{
				scope: "visitor",
				quota: this.limits.visitorDailyBytes,
				key: `visitor:${visitor.visitorId}`,
				where: { uploadedBy: `visitor:${visitor.visitorId}`, createdAt: { gte: since } },
			},
			{
				scope: "website",
				quota: this.limits.websiteDailyBytes,
				key: `website:${target.websiteId}`,
				where: { websiteId: target.websiteId, createdAt: { gte: since } },
			},
		].filter((s) => s.quota > 0);
		const stored = await Promise.all(
			scopes.map((s) => this.db.prisma.upload.aggregate({ _sum: { size: true }, where: s.where })),
		);
		for (const [index, s] of scopes.entries()) {
			const used = (stored[index]?._sum.size ?? 0) + this.reserved(s.key, upTo);
			if (!over(used, s.quota)) continue;
			throw new ApiError(
				429,
				"upload_quota_exceeded",
				s.scope === "visitor"
					? `You may upload ${s.quota} bytes per 24 hours; try again later.`
					: `This website's uploads are over their ${s.quota} bytes per 24 hours; try again later.`,
				{ scope: s.scope, quotaBytes: s.quota },
			);
		}
	}

	private reserved(key: string, upTo: number): number {
		let bytes = 0;
		for (const [number, size] of this.storing.get(key) ?? []) if (number <= upTo) bytes += size;
		return bytes;
	}

	private keysOf(uploader: Uploader, target: UploadTarget): string[] {
		const keys = [`website:${target.websiteId}`];
		if (uploader.kind === "visitor") keys.push(`visitor:${uploader.visitorId}`);
		return keys;
	}
}
