import type * as v from "valibot";

type AnySchema = v.GenericSchema & Record<string, unknown>;
type PipeItem = AnySchema | v.PipeAction<unknown, unknown, v.BaseIssue<unknown>>;

/**
 * A copy of `schema` for documenting what a request may send (`typeMode: "input"`), in which
 * normalizing steps no longer hide the rules that follow them.
 *
 * The converter's input mode stops a pipe at its first `transform`, since a transform may change
 * the value's type. The wire schemas use transforms that only normalize (an URL's stray tabs
 * removed, an origin's trailing slash, a legacy field renamed), with the real rules after them;
 * stopping there would document `{}` for message parts and drop length caps and patterns. So:
 * - `v.pipe(v.unknown(), v.transform(fn), S, …)` (pre-processing, then the schema that decides)
 *   is documented as `S, …`;
 * - a `transform` with no schema after it is taken as a normalization and skipped, so the
 *   actions after it still describe the accepted value;
 * - a pipe that changes type (a transform, then another schema) still stops where the
 *   converter stops it.
 * Only the converter reads the copies (schemas are plain objects; `~run` is never called).
 */
export function inputView(
	schema: v.GenericSchema,
	memo: Map<unknown, v.GenericSchema> = new Map(),
): v.GenericSchema {
	const known = memo.get(schema);
	if (known) return known;
	const original = schema as AnySchema;
	const copy: AnySchema = { ...original };
	// Registered before the children: a schema reached again (a named component inside another)
	// maps to this same copy, which keeps it a `$ref`.
	memo.set(schema, copy);
	const view = (child: unknown) =>
		isSchema(child) ? inputView(child, memo) : (child as v.GenericSchema);
	if (Array.isArray(original.pipe)) {
		Object.assign(copy, {
			pipe: inputItems(flatten(original.pipe as PipeItem[])).map((item) =>
				isSchema(item) ? view(item) : item,
			),
		});
		return copy;
	}
	for (const key of ["wrapped", "item", "rest", "key", "value"]) {
		if (isSchema(original[key])) copy[key] = view(original[key]);
	}
	for (const key of ["options", "items"]) {
		const list = original[key];
		if (Array.isArray(list) && list.every(isSchema)) copy[key] = list.map(view);
	}
	if (original.entries && typeof original.entries === "object") {
		copy.entries = Object.fromEntries(
			Object.entries(original.entries as Record<string, unknown>).map(([name, entry]) => [
				name,
				view(entry),
			]),
		);
	}
	if (original.type === "lazy" && typeof original.getter === "function") {
		const getter = original.getter as (input: unknown) => unknown;
		copy.getter = (input: unknown) => view(getter(input));
	}
	return copy;
}

function inputItems(flat: readonly PipeItem[]): PipeItem[] {
	let next = 1;
	while (flat[next]?.kind === "transformation") next++;
	const head = flat[0];
	if (head && isSchema(head) && head.type === "unknown" && isSchema(flat[next])) {
		return inputItems(flat.slice(next));
	}
	const laterSchema = flat.some((item, index) => index > 0 && isSchema(item));
	return laterSchema ? [...flat] : flat.filter((item) => item.type !== "transform");
}

function flatten(pipe: readonly PipeItem[]): PipeItem[] {
	return pipe.flatMap((item) =>
		isSchema(item) && Array.isArray(item.pipe) ? flatten(item.pipe as PipeItem[]) : [item],
	);
}

function isSchema(value: unknown): value is AnySchema {
	return (
		typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "schema"
	);
}
