import { useCallback, useRef, useSyncExternalStore } from "react";
import type { StoreApi } from "zustand/vanilla";

const noStore = {
	subscribe: () => () => {},
	getState: () => undefined,
};

/**
 * Subscribes a component to a core (zustand vanilla) store, re-rendering only when the selected
 * slice changes (`isEqual`, `Object.is` by default). A `null` store selects from `undefined`
 * (the client is not ready yet). The server snapshot is the store's current state, so the
 * server render and hydration read the same value.
 */
export function useStore<S, T>(
	store: StoreApi<S> | null | undefined,
	selector: (state: S | undefined) => T,
	isEqual: (a: T, b: T) => boolean = Object.is,
): T {
	const source = (store ?? noStore) as Pick<StoreApi<S | undefined>, "subscribe" | "getState">;
	const cache = useRef<{ state: S | undefined; selector: unknown; value: T } | null>(null);
	const getSnapshot = useCallback(() => {
		const state = source.getState();
		const cached = cache.current;
		if (cached && cached.state === state && cached.selector === selector) return cached.value;
		const value = selector(state);
		const stable = cached && isEqual(cached.value, value) ? cached.value : value;
		cache.current = { state, selector, value: stable };
		return stable;
	}, [source, selector, isEqual]);
	return useSyncExternalStore(source.subscribe, getSnapshot, getSnapshot);
}

/** Shallow equality of arrays or plain objects (for selectors that build new objects). */
export function shallowEqual<T>(a: T, b: T): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== "object" || typeof b !== "object" || !a || !b) return false;
	const keysA = Object.keys(a);
	if (keysA.length !== Object.keys(b).length) return false;
	return keysA.every((key) =>
		Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
	);
}
