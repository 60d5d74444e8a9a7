import type { KeyValueStore } from "@cossistant/core";

/**
 * localStorage when usable (it throws in some privacy modes), memory elsewhere (servers).
 * The widget and its client share it, so the identify hash lives next to the visitor identity.
 */
export function browserStorage(): KeyValueStore {
	try {
		const storage = globalThis.localStorage;
		if (storage) {
			const probe = "__cossistant_react_probe__";
			storage.setItem(probe, "1");
			storage.removeItem(probe);
			return {
				get: (key) => storage.getItem(key),
				set: (key, value) => storage.setItem(key, value),
				remove: (key) => storage.removeItem(key),
			};
		}
	} catch {
		// Storage disabled: fall back to memory.
	}
	const memory = new Map<string, string>();
	return {
		get: (key) => memory.get(key) ?? null,
		set: (key, value) => {
			memory.set(key, value);
		},
		remove: (key) => {
			memory.delete(key);
		},
	};
}
