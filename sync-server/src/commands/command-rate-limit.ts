import type { CommandResult } from "@cossistant/types";
import type { Principal } from "../auth/principal.ts";
import type { TokenBucketLimiter } from "../limits/token-bucket.ts";
import type { CommandPipeline } from "./command-pipeline.ts";

/** What submits commands on behalf of clients (the pipeline, possibly limited). */
export type CommandSubmitter = Pick<CommandPipeline, "submit">;

/** Commands one visitor may have waiting for the rate limit before new ones are refused. */
export const MAX_PACED_BACKLOG = 1_000;

/** Command ids remembered as already admitted (all visitors together). */
const ADMITTED_IDS = 100_000;

/**
 * Wraps the pipeline for untrusted clients (WebSocket outboxes): each visitor gets the
 * limiter's rate of commands. Commands over the rate are **paced, not refused**: they wait, in
 * order, for the next token. A visitor replaying a long offline queue after a reconnect (or
 * after a server crash) is legitimate, and refusing part of it would reorder it. Only a backlog
 * beyond {@link MAX_PACED_BACKLOG} is refused with `rate_limited` (`retryable: true`: nothing is
 * written, not even a ledger row). Agents and backends are not limited here: they are
 * authenticated staff and servers, limited per IP on REST.
 */
export function limitVisitorCommands(
	pipeline: CommandSubmitter,
	limiter: TokenBucketLimiter,
): CommandSubmitter {
	const lanes = new Map<string, { tail: Promise<void>; waiting: number }>();
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
			const lane = lanes.get(key) ?? { tail: Promise.resolve(), waiting: 0 };
			lanes.set(key, lane);
			if (lane.waiting >= MAX_PACED_BACKLOG) {
				return Promise.resolve({
					status: "rejected",
					at: Date.now(),
					code: "rate_limited",
					reason: `Too many commands waiting (${MAX_PACED_BACKLOG}); retry later.`,
					retryable: true,
				});
			}
			lane.waiting += 1;
			// Chained per visitor: submissions leave the lane in the order they entered it.
			const turn = lane.tail.then(() => waitForToken(limiter, key));
			lane.tail = turn;
			return turn.then(() => {
				if (admissionKey) remember(admitted, admissionKey);
				lane.waiting -= 1;
				if (lane.waiting === 0 && lanes.get(key) === lane) lanes.delete(key);
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

async function waitForToken(limiter: TokenBucketLimiter, key: string): Promise<void> {
	for (;;) {
		const decision = limiter.take(key);
		if (decision.allowed) return;
		await new Promise((resolve) => setTimeout(resolve, decision.retryAfterMs));
	}
}
