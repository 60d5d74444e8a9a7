import { useCallback, useEffect, useRef, useState } from "react";

/** What {@link useLoaded} returns. */
export interface Loaded<T> {
	/** The last loaded value (kept while reloading and after a failed reload). */
	data: T | undefined;
	/** Why the last load failed, or null. */
	error: unknown;
	loading: boolean;
	/** Loads again; resolves when done (errors land in `error`). */
	reload: () => Promise<void>;
	/** Replaces the value locally (after a write answered with the new state). */
	setData: (update: (current: T | undefined) => T | undefined) => void;
}

/**
 * Runs `load` when it changes (wrap it in `useCallback` with what it reads) and keeps its value,
 * its error and whether it runs. A load finished after a newer one started, or after unmount,
 * is ignored.
 */
export function useLoaded<T>(load: () => Promise<T>): Loaded<T> {
	const [data, setDataState] = useState<T | undefined>(undefined);
	const [error, setError] = useState<unknown>(null);
	const [loading, setLoading] = useState(true);
	const generation = useRef(0);
	const run = useCallback(async () => {
		const mine = ++generation.current;
		setLoading(true);
		try {
			const value = await load();
			if (mine !== generation.current) return;
			setDataState(value);
			setError(null);
		} catch (caught) {
			if (mine === generation.current) setError(caught);
		} finally {
			if (mine === generation.current) setLoading(false);
		}
	}, [load]);

	useEffect(() => {
		void run();
		return () => {
			generation.current++;
		};
	}, [run]);

	const setData = useCallback(
		(update: (current: T | undefined) => T | undefined) => setDataState(update),
		[],
	);
	return { data, error, loading, reload: run, setData };
}
