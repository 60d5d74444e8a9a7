/**
 * JSON with object keys sorted at every level: PostgreSQL's jsonb reorders keys, so equal
 * values read back from the database and built in memory compare equal only this way.
 */
export function stableJson(value: unknown): string {
	return JSON.stringify(sortKeys(value)) ?? "undefined";
}

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value && typeof value === "object") {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
	}
	return value;
}
