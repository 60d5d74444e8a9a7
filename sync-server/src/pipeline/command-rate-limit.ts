import type { CommandResult } from "@cossistant/types";
import type { Principal } from "../auth/principal.ts";
import type { TokenBucketLimiter } from "../limits/token-bucket.ts";
import type { CommandPipeline } from "./command-pipeline.ts";

/** What submits commands on behalf of clients (the pipeline, possibly limited). */
export type CommandSubmitter = Pick<CommandPipeline, "submit">;

/** Commands one visitor may have waiting for the rate limit before new ones are refused. */
export const MAX_PACED_BACKLOG = 1_000;

/** Commands waiting for the rate limit per client IP, and per website, before new ones are refused. */
export const MAX_PACED_BACKLOG_PER_IP = 1_000;
export const MAX_PACED_BACKLOG_PER_WEBSITE = 10_000;

/** Command ids remembered as already admitted (all visitors together). */
const ADMITTED_IDS = 100_000;

/**
 * Budgets shared by many visitors (each optional: absent = unlimited). A visitor is cheap to
 * mint (`GET /v1/websites` without a token), so a per-visitor budget alone lets one address
 * multiply its rate by minting visitors; these cap what one client IP (`clientIp` of the
 * visitor's socket) and one website get, whatever the number of visitors behind them.
 */
export interface SharedCommandBudgets {
	perIp?: TokenBucketLimiter;
	perWebsite?: TokenBucketLimiter;
}

/**
 * Wraps the pipeline for untrusted clients (WebSocket outboxes): each visitor gets the
 * `perVisitor` rate of commands, and its client IP and website their shared budgets. Commands
 * over the rate are **paced, not refused**: they wait, in order, for a token of every budget.
 * A visitor replaying a long offline queue after a reconnect (or after a server crash) is
 * legitimate, and refusing part of it would reorder it. Only a backlog beyond
 * {@link MAX_PACED_BACKLOG} per visitor ({@link MAX_PACED_BACKLOG_PER_IP} per IP,
 * {@link MAX_PACED_BACKLOG_PER_WEBSITE} per website) is refused with `rate_limited`
 * (`retryable: true`: nothing is written, not even a ledger row). Agents and backends are not
 * limited here: they are authenticated staff and servers, limited per IP on REST.
 */
export function limitVisitorCommands(
	pipeline: CommandSubmitter,
	limiter: TokenBucketLimiter,
	shared: SharedCommandBudgets = {},
): CommandSubmitter {
	const lanes = new Map<string, { tail: Promise<void>; waiting: number }>();
	/** Commands waiting per `ip:` and `website:` key (bounded like the lanes). */
	const backlog = new Map<string, number>();
	// A command sent again (a client resyncing its outbox after a reconnect) was paid for the
	// first time: resubmissions pass straight to the pipeline, whose ledger deduplicates them.
	const admitted = new Map<string, true>();
	return {
		submit(principal: Principal, raw: unknown): Promise<CommandResult> {
			if (principal.kind !== "visitor") return pipeline.submit(principal, raw);
			const key = `visitor:${principal.visitorId}`;
			const id = (raw as { id?: unknown } | null)?.id;
			const admissionKey = typeof id === "string" ? `${key}\u0000${id}` : null;
			if (admissionKey && admitted.has(admissionKey)) return pipeline.submit(principal, raw);
			const budgets: Array<[TokenBucketLimiter, string]> = [[limiter, key]];
			const sharedKeys: Array<[string, number]> = [];
			if (shared.perIp && principal.clientIp) {
				const ipKey = `ip:${principal.clientIp}`;
				budgets.push([shared.perIp, ipKey]);
				sharedKeys.push([ipKey, MAX_PACED_BACKLOG_PER_IP]);
			}
			if (shared.perWebsite) {
				const websiteKey = `website:${principal.websiteId}`;
				budgets.push([shared.perWebsite, websiteKey]);
				sharedKeys.push([websiteKey, MAX_PACED_BACKLOG_PER_WEBSITE]);
			}
			const lane = lanes.get(key) ?? { tail: Promise.resolve(), waiting: 0 };
			const full =
				lane.waiting >= MAX_PACED_BACKLOG ||
				sharedKeys.some(([sharedKey, max]) => (backlog.get(sharedKey) ?? 0) >= max);
			if (full) {
				return Promise.resolve({
					status: "rejected",
					at: Date.now(),
					code: "rate_limited",
					reason: "Too many commands waiting; retry later.",
					retryable: true,
				});
			}
			lanes.set(key, lane);
			lane.waiting += 1;
			for (const [sharedKey] of sharedKeys)
				backlog.set(sharedKey, (backlog.get(sharedKey) ?? 0) + 1);
			// Chained per visitor: submissions leave the lane in the order they entered it.
			const turn = lane.tail.then(() => waitForTokens(budgets));
			lane.tail = turn;
			return turn.then(() => {
				if (admissionKey) remember(admitted, admissionKey);
				lane.waiting -= 1;
				if (lane.waiting === 0 && lanes.get(key) === lane) lanes.delete(key);
				for (const [sharedKey] of sharedKeys) {
					const left = (backlog.get(sharedKey) ?? 1) - 1;
					if (left > 0) backlog.set(sharedKey, left);
					else backlog.delete(sharedKey);
				}
				return pipeline.submit(principal, raw);
			});
		},
	};
}

function remember(admitted: Map<string, true>, key: string): void {
	admitted.set(key, true);
	if (admitted.size > ADMITTED_IDS) {
		const oldest = admitted.keys().next().value;
		if (oldest !== undefined) admitted.delete(oldest);
	}
}

/** Waits until every budget has a token, then takes one from each (all or none). */
async function waitForTokens(budgets: ReadonlyArray<[TokenBucketLimiter, string]>): Promise<void> {
	for (;;) {
		const now = Date.now();
		const wait = Math.max(...budgets.map(([bucket, key]) => bucket.retryAfterMs(key, now)));
		if (wait === 0) {
			for (const [bucket, key] of budgets) bucket.take(key, now);
			return;
		}
		await new Promise((resolve) => setTimeout(resolve, wait));
	}
}
