/** Tiny synchronous key-value storage: localStorage in browsers, memory elsewhere. */
export interface KeyValueStore {
	get(key: string): string | null;
	set(key: string, value: string): void;
	remove(key: string): void;
}

/** localStorage when usable (it throws in some privacy modes), else an in-memory map. */
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
