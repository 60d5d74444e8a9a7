import { type ClassValue, clsx } from "clsx";
import { twMerge } from "tailwind-merge";

/** localStorage key of the merged class lists of earlier page loads. */
export const CLASS_LISTS_KEY = "cossistant:dashboard-classes";
/** More lists than the dashboard has; past it, the store keeps only the lists of this page load. */
const MAX_LISTS = 2000;

/** Where {@link classMerger} keeps its lists, and which build they belong to. */
export interface ClassListStore {
	storage: Pick<Storage, "getItem" | "setItem">;
	/**
	 * The bundle that merged them: another build may come with another tailwind-merge, so a store
	 * written by another build is ignored (and replaced).
	 */
	build: string;
	/** Runs the write later, once the page is idle. */
	schedule?: (write: () => void) => void;
}

/**
 * A `cn`: joins class names, a later Tailwind class winning over an earlier one of the same
 * property (tailwind-merge). tailwind-merge builds its whole class map on its first call, tens of
 * milliseconds on a slow device, and that call comes in the first render: with `store`, the lists
 * it merged on earlier page loads are read back instead, so the first frame merges nothing.
 */
export function classMerger(store: ClassListStore | null): (...inputs: ClassValue[]) => string {
	let merged: Map<string, string> | null = null;
	/** Lists merged on this page load: the ones kept when the store would grow too large. */
	const used = new Set<string>();
	let writeScheduled = false;

	const write = () => {
		writeScheduled = false;
		if (!store || !merged) return;
		const lists =
			merged.size > MAX_LISTS ? [...merged].filter(([key]) => used.has(key)) : [...merged];
		try {
			store.storage.setItem(
				CLASS_LISTS_KEY,
				JSON.stringify({ build: store.build, lists: Object.fromEntries(lists.slice(-MAX_LISTS)) }),
			);
		} catch {
			// Storage full or unavailable: the lists are merged again on the next load.
		}
	};

	return (...inputs) => {
		const classes = clsx(inputs);
		merged ??= read(store);
		let result = merged.get(classes);
		if (result === undefined) {
			result = twMerge(classes);
			merged.set(classes, result);
			if (store && !writeScheduled) {
				writeScheduled = true;
				(store.schedule ?? whenIdle)(write);
			}
		}
		used.add(classes);
		return result;
	};
}

function read(store: ClassListStore | null): Map<string, string> {
	if (!store) return new Map();
	try {
		const stored = JSON.parse(store.storage.getItem(CLASS_LISTS_KEY) ?? "null") as {
			build?: unknown;
			lists?: unknown;
		} | null;
		if (stored?.build !== store.build || typeof stored.lists !== "object" || !stored.lists)
			return new Map();
		return new Map(
			Object.entries(stored.lists).filter(
				(entry): entry is [string, string] => typeof entry[1] === "string",
			),
		);
	} catch {
		return new Map();
	}
}

/** Never during a render or before the first paint: when the page is idle. */
function whenIdle(write: () => void): void {
	if (typeof requestIdleCallback === "function") requestIdleCallback(write, { timeout: 5000 });
	else setTimeout(write, 1000);
}

/**
 * Joins class names; a later Tailwind class wins over an earlier one of the same property. The
 * built dashboard keeps its merged lists in localStorage, keyed by its bundle's URL (which
 * carries the build's hash); in development nothing is kept.
 */
export const cn = classMerger(
	!import.meta.env.DEV && typeof localStorage !== "undefined"
		? { storage: localStorage, build: import.meta.url }
		: null,
);
