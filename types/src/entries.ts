import type * as v from "valibot";

/** Object schema entries, or an object schema standing for its entries. */
type EntriesPart = v.ObjectEntries | ObjectSchemaLike;
interface ObjectSchemaLike {
	readonly kind: "schema";
	readonly entries: v.ObjectEntries;
}

type EntriesOf<TPart> = TPart extends ObjectSchemaLike ? TPart["entries"] : TPart;

/** The type of `{ ...first, ...rest }` for entries whose keys do not collide. */
type Joined<TParts extends readonly EntriesPart[]> = TParts extends readonly [
	infer First,
	...infer Rest extends readonly EntriesPart[],
]
	? EntriesOf<First> & Joined<Rest>
	: unknown;

/**
 * Object schema entries put together, in order, as spreading them would (`v.object({ ...a,
 * ...b.entries })`): for schemas that share entries. A call rather than spreads because this
 * package ships as one module: a bundler drops what an application does not use statement by
 * statement, and it keeps an object spread or a property read at a module's top level (either
 * may run a getter) with every schema it names, while it drops an unused call of a function
 * marked free of side effects. Internal (not exported from index.ts).
 */
/* @__NO_SIDE_EFFECTS__ */
export function joinEntries<TParts extends readonly EntriesPart[]>(
	...parts: TParts
): Joined<TParts> {
	return Object.assign({}, ...parts.map((part) => (isObjectSchema(part) ? part.entries : part)));
}

// An entries object never has `kind: "schema"`: its values are schemas, not strings.
function isObjectSchema(part: EntriesPart): part is ObjectSchemaLike {
	return part.kind === "schema";
}
