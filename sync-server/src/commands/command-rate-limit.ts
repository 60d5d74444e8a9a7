import type { CommandResult } from "@cossistant/types";
import type { Principal } from "../auth/principal.ts";
import type { TokenBucketLimiter } from "../limits/token-bucket.ts";
import type { CommandPipeline } from "./command-pipeline.ts";

/** What submits commands on behalf of clients (the pipeline, possibly limited). */
export type CommandSubmitter = Pick<CommandPipeline, "submit">;

/**
 * Wraps the pipeline for untrusted clients (WebSocket outboxes): each visitor may submit at
 * most the limiter's rate of commands; beyond it a command is rejected with `rate_limited`,
 * `retryable: true` (nothing is written, not even a ledger row, so the same command id may be
 * sent again later). Agents and backends are not limited here: they are authenticated staff
 * and servers, limited per IP on REST.
 */
export function limitVisitorCommands(
	pipeline: CommandSubmitter,
	limiter: TokenBucketLimiter,
): CommandSubmitter {
	return {
		submit(principal: Principal, raw: unknown): Promise<CommandResult> {
			if (principal.kind === "visitor") {
				const decision = limiter.take(`visitor:${principal.visitorId}`);
				if (!decision.allowed) {
					const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
					return Promise.resolve({
						status: "rejected",
						at: Date.now(),
						code: "rate_limited",
						reason: `Too many commands; retry in ${seconds} s.`,
						retryable: true,
					});
				}
			}
			return pipeline.submit(principal, raw);
		},
	};
}
