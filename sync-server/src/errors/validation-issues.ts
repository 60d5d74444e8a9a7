import type * as v from "valibot";

/** One problem of a rejected value: where it is (a dot path, "" for the value itself) and what. */
export interface ValidationDetail {
	path: string;
	message: string;
}

/**
 * The issues of a failed parse as one `{ path, message }` per problem.
 *
 * Valibot reports a union whose alternatives all failed as a single issue ("Invalid type:
 * Expected Object but received Object") with the alternatives' issues nested under it, their
 * paths relative to the union. When some of those point inside the value, they say what is wrong
 * (a field of the alternative the caller was going for): they replace the union's own issue,
 * with paths from the root. When every alternative failed on the value itself (a wrong type),
 * the union's issue, which lists every expected type, says it best and stays.
 */
export function validationDetails(issues: readonly v.BaseIssue<unknown>[]): ValidationDetail[] {
	const seen = new Set<string>();
	const details: ValidationDetail[] = [];
	for (const leaf of issues.flatMap((issue) => leaves(issue, []))) {
		const path = dotPath(leaf.keys) ?? "";
		const key = `${path}\u0000${leaf.message}`;
		if (seen.has(key)) continue;
		seen.add(key);
		details.push({ path, message: leaf.message });
	}
	return details;
}

interface Leaf {
	keys: readonly unknown[];
	message: string;
}

function leaves(issue: v.BaseIssue<unknown>, prefix: readonly unknown[]): Leaf[] {
	const keys = [...prefix, ...(issue.path ?? []).map((item) => item.key)];
	const nested = (issue.issues ?? []).flatMap((sub) => leaves(sub, keys));
	const deeper = nested.filter((leaf) => leaf.keys.length > keys.length);
	return deeper.length > 0 ? deeper : [{ keys, message: issue.message }];
}

/** What `v.getDotPath` makes of a path: keys joined by dots, null when one is not a name or index. */
function dotPath(keys: readonly unknown[]): string | null {
	if (keys.length === 0) return null;
	if (keys.some((key) => typeof key !== "string" && typeof key !== "number")) return null;
	return keys.join(".");
}
