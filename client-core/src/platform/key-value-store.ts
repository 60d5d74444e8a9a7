/**
 * Tiny synchronous key-value storage: localStorage in browsers, memory elsewhere.
 *
 * Dependency-free and published on its own too (`@cossistant/core/key-value-store`), so code in
 * a page's first chunk (the widget's provider) can make the store it shares with the client
 * without pulling in the client, which loads lazily.
 */
export interface KeyValueStore {
	get(key: string): string | null;
	set(key: string, value: string): void;
	remove(key: string): void;
}

/**
 * localStorage when usable (it throws in some privacy modes, and servers have none), else an
 * in-memory map. The widget and its client share one, so the identify hash lives next to the
 * visitor identity.
 */
export function defaultKeyValueStore(): KeyValueStore {
	try {
		const storage = globalThis.localStorage;
		if (storage) {
			const probe = "__cossistant_probe__";
			storage.setItem(probe, "1");
			storage.removeItem(probe);
			return {
				get: (key) => storage.getItem(key),
				set: (key, value) => storage.setItem(key, value),
				remove: (key) => storage.removeItem(key),
			};
		}
	} catch {
		// Fall through to memory.
	}
	return memoryKeyValueStore();
}

/** A store that lives as long as the page (tests, servers, storage disabled). */
export function memoryKeyValueStore(): KeyValueStore {
	const map = new Map<string, string>();
	return {
		get: (key) => map.get(key) ?? null,
		set: (key, value) => {
			map.set(key, value);
		},
		remove: (key) => {
			map.delete(key);
		},
	};
}
