/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) for reproducible fuzzing: the same
 * seed yields the same sequence on every machine, so a failure report's seed replays it.
 */
export class Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(readonly seed: number) {
		let state = seed >>> 0;
		const next = () => {
			state = (state + 0x9e3779b9) >>> 0;
			let z = state;
			z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
			z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
			return (z ^ (z >>> 16)) >>> 0;
		};
		this.a = next();
		this.b = next();
		this.c = next();
		this.d = next();
		for (let i = 0; i < 12; i += 1) this.next();
	}

	/** A float in [0, 1). */
	next(): number {
		const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
		this.d = (this.d + 1) >>> 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) >>> 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) >>> 0;
		return t / 4_294_967_296;
	}

	/** An integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error("pick from an empty list");
		return items[this.int(0, items.length - 1)] as T;
	}

	/** Picks by weight: `[[weight, value], …]`. */
	weighted<T>(entries: ReadonlyArray<readonly [number, T]>): T {
		const total = entries.reduce((sum, [weight]) => sum + weight, 0);
		let roll = this.next() * total;
		for (const [weight, value] of entries) {
			roll -= weight;
			if (roll < 0) return value;
		}
		return (entries.at(-1) as readonly [number, T])[1];
	}

	bytes(length: number): Uint8Array {
		const out = new Uint8Array(length);
		for (let i = 0; i < length; i += 1) out[i] = this.int(0, 255);
		return out;
	}

	/** A child generator (a worker's own stream), still determined by this one's seed. */
	fork(): Random {
		return new Random(this.int(0, 0xffffffff));
	}
}

/** The seed of this run: `FUZZ_SEED` when set (to replay a failure), else a random one. */
export function fuzzSeed(): number {
	const fromEnv = process.env.FUZZ_SEED;
	if (fromEnv !== undefined && fromEnv !== "") {
		const seed = Number(fromEnv);
		if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
			throw new Error(`FUZZ_SEED must be an integer in [0, 2^32): got ${fromEnv}`);
		}
		return seed;
	}
	return Math.floor(Math.random() * 0xffffffff);
}

/** `FUZZ_ITERATIONS` (total REST bodies + WebSocket frames), default 10 000. */
export function fuzzIterations(fallback = 10_000): number {
	const value = Number(process.env.FUZZ_ITERATIONS ?? fallback);
	if (!Number.isInteger(value) || value < 1) {
		throw new Error(
			`FUZZ_ITERATIONS must be a positive integer: got ${process.env.FUZZ_ITERATIONS}`,
		);
	}
	return value;
}
