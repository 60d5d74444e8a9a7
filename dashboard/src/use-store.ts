import { useCallback, useRef, useSyncExternalStore } from "react";
import type { StoreApi } from "zustand/vanilla";

/**
 * Reads a slice of a core zustand store (`AgentClient` stores are framework-free). The
 * selector's result is kept while `isEqual` says it did not change, so rows re-render only
 * when their data does.
 */
export function useStore<S, T>(
	store: StoreApi<S>,
	selector: (state: S) => T,
	isEqual: (a: T, b: T) => boolean = Object.is,
): T {
	const last = useRef<{ state: S; value: T } | null>(null);
	const getSnapshot = useCallback(() => {
		const state = store.getState();
		const previous = last.current;
		if (previous && previous.state === state) return previous.value;
		const value = selector(state);
		if (previous && isEqual(previous.value, value)) {
			last.current = { state, value: previous.value };
			return previous.value;
		}
		last.current = { state, value };
		return value;
	}, [store, selector, isEqual]);
	return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}
