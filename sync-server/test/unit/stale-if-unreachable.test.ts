import { describe, expect, it } from "vitest";
import { StaleIfUnreachable } from "../../src/auth/stale-if-unreachable.ts";

const unreachable = () =>
	Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
const never = () => new Promise<{ v: number }>(() => {});

function memory(options: Partial<ConstructorParameters<typeof StaleIfUnreachable>[0]> = {}) {
	const served: string[] = [];
	const stale = new StaleIfUnreachable<{ v: number }>({
		maxAgeMs: 60_000,
		patienceMs: 50,
		max: 100,
		onServedStale: (key) => served.push(key),
		...options,
	});
	return { stale, served };
}

describe("StaleIfUnreachable", () => {
	it("answers with the database while it answers, and remembers", async () => {
		const { stale, served } = memory();
		expect(await stale.get("k", async () => ({ v: 1 }))).toEqual({ v: 1 });
		expect(await stale.get("k", async () => ({ v: 2 }))).toEqual({ v: 2 });
		expect(await stale.get("k", () => Promise.reject(unreachable()))).toEqual({ v: 2 });
		expect(served).toEqual(["k"]);
	});

	it("uses the remembered answer when the query hangs past the patience", async () => {
		const { stale } = memory();
		await stale.get("k", async () => ({ v: 1 }));
		const started = Date.now();
		expect(await stale.get("k", never)).toEqual({ v: 1 });
		expect(Date.now() - started).toBeGreaterThanOrEqual(45);
	});

	it("without a remembered answer, the query's outcome stands", async () => {
		const { stale, served } = memory();
		await expect(stale.get("k", () => Promise.reject(unreachable()))).rejects.toThrow(
			/ECONNREFUSED/,
		);
		expect(served).toEqual([]);
	});

	it("forgets on a definite no: null, or an error that is not about reachability", async () => {
		const { stale } = memory();
		await stale.get("a", async () => ({ v: 1 }));
		await stale.get("b", async () => ({ v: 1 }));
		expect(await stale.get("a", async () => null)).toBeNull();
		await expect(stale.get("b", () => Promise.reject(new Error("forbidden")))).rejects.toThrow(
			"forbidden",
		);
		for (const key of ["a", "b"]) {
			await expect(stale.get(key, () => Promise.reject(unreachable()))).rejects.toThrow(
				/ECONNREFUSED/,
			);
		}
	});

	it("forgets what forget selects, and everything after maxAge", async () => {
		const { stale } = memory({ maxAgeMs: 100 });
		await stale.get("keep", async () => ({ v: 1 }));
		await stale.get("drop", async () => ({ v: 2 }));
		stale.forget((_key, value) => value.v === 2);
		await expect(stale.get("drop", () => Promise.reject(unreachable()))).rejects.toThrow();
		expect(await stale.get("keep", () => Promise.reject(unreachable()))).toEqual({ v: 1 });
		await new Promise((resolve) => setTimeout(resolve, 150));
		await expect(stale.get("keep", () => Promise.reject(unreachable()))).rejects.toThrow();
	});

	it("remembers nothing when maxAge is 0", async () => {
		const { stale } = memory({ maxAgeMs: 0 });
		await stale.get("k", async () => ({ v: 1 }));
		await expect(stale.get("k", () => Promise.reject(unreachable()))).rejects.toThrow();
	});
});
