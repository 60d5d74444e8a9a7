// `cn` reads back the class lists merged on an earlier page load of the same build, so that the
// first render needs no tailwind-merge, and gives exactly what tailwind-merge gives.

import { twMerge } from "tailwind-merge";
import { describe, expect, it } from "vitest";
import { CLASS_LISTS_KEY, type ClassListStore, classMerger } from "../../src/ui/cn.ts";

function memoryStore(build: string): ClassListStore & { writes: Array<() => void> } {
	const items = new Map<string, string>();
	const writes: Array<() => void> = [];
	return {
		build,
		writes,
		storage: {
			getItem: (key) => items.get(key) ?? null,
			setItem: (key, value) => void items.set(key, value),
		},
		// Writes run when the test says (the page would run them when idle).
		schedule: (write) => void writes.push(write),
	};
}

describe("cn", () => {
	it("merges as tailwind-merge does, with or without a store", () => {
		const inputs = ["px-4 text-muted-foreground hover:text-foreground", "px-2 text-success"];
		for (const cn of [classMerger(null), classMerger(memoryStore("build-1"))])
			expect(cn(...inputs, false, undefined)).toBe(twMerge(inputs.join(" ")));
	});

	it("writes the lists once idle, and a later load of the same build reads them back", () => {
		const store = memoryStore("build-1");
		const first = classMerger(store);
		expect(first("bg-accent/60", "bg-accent")).toBe("bg-accent");
		first("flex", "hidden");
		expect(store.writes).toHaveLength(1);
		expect(store.storage.getItem(CLASS_LISTS_KEY)).toBeNull();
		for (const write of store.writes.splice(0)) write();

		const stored = JSON.parse(store.storage.getItem(CLASS_LISTS_KEY) ?? "{}");
		expect(stored).toEqual({
			build: "build-1",
			lists: { "bg-accent/60 bg-accent": "bg-accent", "flex hidden": "hidden" },
		});
		// What the store says is what the next load returns (here a marker, to show it is read).
		stored.lists["flex hidden"] = "from-the-store";
		store.storage.setItem(CLASS_LISTS_KEY, JSON.stringify(stored));
		const next = classMerger(store);
		expect(next("flex", "hidden")).toBe("from-the-store");
		expect(next("bg-accent/60", "bg-accent")).toBe("bg-accent");
		// Nothing new was merged: nothing to write.
		expect(store.writes).toHaveLength(0);
	});

	it("ignores lists written by another build, and unreadable ones", () => {
		const store = memoryStore("build-2");
		store.storage.setItem(
			CLASS_LISTS_KEY,
			JSON.stringify({ build: "build-1", lists: { "flex hidden": "from-another-build" } }),
		);
		expect(classMerger(store)("flex", "hidden")).toBe("hidden");
		store.storage.setItem(CLASS_LISTS_KEY, "{not json");
		expect(classMerger(store)("flex", "hidden")).toBe("hidden");
		for (const write of store.writes.splice(0)) write();
		expect(JSON.parse(store.storage.getItem(CLASS_LISTS_KEY) ?? "{}").build).toBe("build-2");
	});
});
