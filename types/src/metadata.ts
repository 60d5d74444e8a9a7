import * as v from "valibot";
import { MAX_METADATA_KEYS, MAX_METADATA_STRING_LENGTH } from "./limits.ts";
import { refusingArrays } from "./plain-object.ts";

/** A metadata value: primitives only, so it can be filtered and displayed everywhere. */
export const metadataValueSchema = v.union([
	v.pipe(v.string(), v.maxLength(MAX_METADATA_STRING_LENGTH)),
	v.number(),
	v.boolean(),
	v.null(),
]);

/** Key-value pairs about a visitor or contact (`plan`, `mrr`, …). Nested values are rejected. */
export const visitorMetadataSchema = v.pipe(
	refusingArrays(
		v.record(v.pipe(v.string(), v.minLength(1), v.maxLength(100)), metadataValueSchema),
	),
	v.check(
		(value) => Object.keys(value).length <= MAX_METADATA_KEYS,
		`at most ${MAX_METADATA_KEYS} keys`,
	),
);

export type MetadataValue = v.InferOutput<typeof metadataValueSchema>;
/** Key-value pairs for storing custom data about contacts (docs: Types → VisitorMetadata). */
export type VisitorMetadata = v.InferOutput<typeof visitorMetadataSchema>;

/**
 * Canonical JSON of a metadata object (keys sorted), so equal metadata always hashes equal:
 * clients skip a request and the server skips a write when the SHA-256 of this is unchanged.
 */
export function canonicalMetadataJson(metadata: VisitorMetadata): string {
	const sorted = Object.keys(metadata)
		.sort()
		.map((key) => [key, metadata[key]] as const);
	return JSON.stringify(Object.fromEntries(sorted));
}
