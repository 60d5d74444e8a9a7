import type { CommandResult } from "@cossistant/types";
import { describe, expect, it } from "vitest";
import type { Principal } from "../../src/auth/principal.ts";
import { TokenBucketLimiter } from "../../src/limits/token-bucket.ts";
import { limitVisitorCommands, MAX_PACED_BACKLOG } from "../../src/pipeline/command-rate-limit.ts";

const visitor: Principal = { kind: "visitor", visitorId: "visitor-a", websiteId: "w" };
const applied: CommandResult = { status: "applied", at: 0 };

describe("limitVisitorCommands (pure pacing logic)", () => {
	it("passes the burst at once and paces the rest in submission order", async () => {
		const calls: Array<{ id: number; at: number }> = [];
		const started = Date.now();
		const limited = limitVisitorCommands(
			{
				submit: async (_principal, raw) => {
					calls.push({ id: (raw as { id: number }).id, at: Date.now() - started });
					return applied;
				},
			},
			new TokenBucketLimiter(3, 300), // 3 per 300 ms: one token every 100 ms
		);
		const results = await Promise.all(
			Array.from({ length: 6 }, (_, id) => limited.submit(visitor, { id })),
		);
		expect(results.every((r) => r.status === "applied")).toBe(true);
		expect(calls.map((c) => c.id)).toEqual([0, 1, 2, 3, 4, 5]);
		expect(calls[2]?.at ?? 0).toBeLessThan(60);
		expect(calls[5]?.at ?? 0).toBeGreaterThanOrEqual(250);
	});

	it("does not charge a command id twice (outbox resyncs resend ids)", async () => {
		let submitted = 0;
		const limited = limitVisitorCommands(
			{
				submit: async () => {
					submitted += 1;
					return applied;
				},
			},
			new TokenBucketLimiter(1, 60_000),
		);
		expect(await limited.submit(visitor, { id: "same-id-1" })).toEqual(applied);
		// The bucket is empty now, yet the same id passes at once (the ledger dedups it).
		expect(await limited.submit(visitor, { id: "same-id-1" })).toEqual(applied);
		expect(submitted).toBe(2);
	});

	it("refuses (retryable) only past the backlog cap, and never limits agents", async () => {
		let submitted = 0;
		const limited = limitVisitorCommands(
			{
				submit: async () => {
					submitted += 1;
					return applied;
				},
			},
			new TokenBucketLimiter(1, 60_000),
		);
		const pending = Array.from({ length: MAX_PACED_BACKLOG + 2 }, (_, id) =>
			limited.submit(visitor, { id }),
		);
		expect(await pending[0]).toEqual(applied);
		const refused = await pending.at(-1);
		expect(refused).toMatchObject({ status: "rejected", code: "rate_limited", retryable: true });
		const agent: Principal = {
			kind: "user",
			userId: "u",
			name: "A",
			websiteIds: new Set(),
			adminWebsiteIds: new Set(),
		};
		expect(await limited.submit(agent, {})).toEqual(applied);
		expect(submitted).toBe(2); // the first visitor command and the agent's
	});
});
