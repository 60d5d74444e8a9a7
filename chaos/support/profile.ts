import { onTestFailed } from "vitest";
import { Random } from "../../sync-server/test/support/fuzz/random.ts";

/**
 * How hard the chaos suite pushes: `short` (CI, the whole suite in a few minutes on 2 cores)
 * or `long` (the default of `npm run test:chaos`: 25 kills, 2 × 30 s outages, 100 000 operations).
 */
export type ChaosProfileName = "short" | "long";

export interface ChaosProfile {
	name: ChaosProfileName;
	sigkill: {
		/** SIGKILLs of the server under load. */
		kills: number;
		/** Time the load runs between two kills (a random duration in this range). */
		uptimeMs: readonly [number, number];
	};
	outage: {
		/** How long PostgreSQL is unreachable, once severed and once blackholed. */
		outageMs: number;
	};
	fuzz: {
		/** Random operations (commands, typing, partitions, reconnects) of the convergence fuzz. */
		operations: number;
		/** Server restarts (SIGKILL or SIGTERM) at random points of the run. */
		restarts: number;
	};
}

const PROFILES: Record<ChaosProfileName, ChaosProfile> = {
	short: {
		name: "short",
		sigkill: { kills: 5, uptimeMs: [1_500, 3_000] },
		outage: { outageMs: 8_000 },
		fuzz: { operations: 2_000, restarts: 3 },
	},
	long: {
		name: "long",
		sigkill: { kills: 25, uptimeMs: [2_000, 5_000] },
		outage: { outageMs: 30_000 },
		fuzz: { operations: 100_000, restarts: 30 },
	},
};

/** The profile of this run: `CHAOS_PROFILE=short|long` (default `long`). */
export function chaosProfile(): ChaosProfile {
	const name = process.env.CHAOS_PROFILE || "long";
	if (name !== "short" && name !== "long") {
		throw new Error(`CHAOS_PROFILE must be "short" or "long": got ${name}`);
	}
	return PROFILES[name];
}

/**
 * The seed of one chaos test: `CHAOS_SEED` when set (to replay a failure), else a random one.
 * It is printed at the start and again, with the command that replays it, when the test fails.
 */
export function chaosSeed(testFile: string): Random {
	const fromEnv = process.env.CHAOS_SEED;
	let seed: number;
	if (fromEnv !== undefined && fromEnv !== "") {
		seed = Number(fromEnv);
		if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
			throw new Error(`CHAOS_SEED must be an integer in [0, 2^32): got ${fromEnv}`);
		}
	} else {
		seed = Math.floor(Math.random() * 0xffffffff);
	}
	const profile = chaosProfile().name;
	const replay = `CHAOS_PROFILE=${profile} CHAOS_SEED=${seed} npx vitest run -c chaos/vitest.config.ts ${testFile}`;
	console.info(`[chaos] ${testFile}: seed ${seed} (profile ${profile})`);
	onTestFailed(() => {
		console.error(`[chaos] ${testFile} FAILED with seed ${seed}. Replay: ${replay}`);
	});
	return new Random(seed);
}
