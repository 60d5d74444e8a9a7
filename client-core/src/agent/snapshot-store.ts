import type { KeyValueStore } from "../platform/key-value-store.ts";

/**
 * Small JSON snapshots of what the dashboard showed last (the inbox's first rows, a
 * conversation's last items), kept in synchronous storage so the next start paints them in its
 * first frame, before IndexedDB and the Yjs documents have loaded (10 000 summaries take
 * hundreds of milliseconds to decode). They are a preview only: replaced by the documents as
 * soon as those are in, validated when read, and capped in size.
 */
export class SnapshotStore {
	constructor(
		private readonly storage: KeyValueStore,
		private readonly prefix: string,
		private readonly maxEntries: number,
	) {}

	read(key: string): unknown {
		try {
			const raw = this.storage.get(this.prefix + key);
			return raw ? JSON.parse(raw) : undefined;
		} catch {
			return undefined;
		}
	}

	write(key: string, value: unknown): void {
		try {
			this.storage.set(this.prefix + key, JSON.stringify(value));
			this.touch(key);
		} catch {
			// Storage full: snapshots are an optimisation, the documents remain the source.
		}
	}

	/** Keeps the most recently written keys, dropping the oldest beyond `maxEntries`. */
	private touch(key: string): void {
		const indexKey = `${this.prefix}index`;
		let keys: string[] = [];
		try {
			const parsed = JSON.parse(this.storage.get(indexKey) ?? "[]");
			if (Array.isArray(parsed)) keys = parsed.filter((k): k is string => typeof k === "string");
		} catch {
			keys = [];
		}
		keys = [key, ...keys.filter((k) => k !== key)];
		for (const dropped of keys.slice(this.maxEntries)) this.storage.remove(this.prefix + dropped);
		this.storage.set(indexKey, JSON.stringify(keys.slice(0, this.maxEntries)));
	}
}

/** Calls `run` at most once per `ms`, with a trailing call so the last change is never lost. */
export function throttle(
	run: () => void,
	ms: number,
): { call(): void; flush(): void; cancel(): void } {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let pending = false;
	const fire = () => {
		timer = null;
		if (!pending) return;
		pending = false;
		run();
		timer = setTimeout(fire, ms);
	};
	return {
		call() {
			pending = true;
			if (!timer) timer = setTimeout(fire, ms);
		},
		flush() {
			if (timer) clearTimeout(timer);
			timer = null;
			if (pending) {
				pending = false;
				run();
			}
		},
		cancel() {
			if (timer) clearTimeout(timer);
			timer = null;
			pending = false;
		},
	};
}
