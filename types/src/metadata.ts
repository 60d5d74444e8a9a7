import * as z from "zod/mini";
import { LIMITS } from "./limits.ts";

/** A metadata value: primitives only, so it can be filtered and displayed everywhere. */
export const metadataValueSchema = z.union([
	z.string().check(z.maxLength(LIMITS.maxMetadataStringLength)),
	z.number(),
	z.boolean(),
	// Same as z.null() (only null passes), without a schema class of its own in the widget.
	z.literal(null),
]);

/** Key-value pairs about a visitor or contact (`plan`, `mrr`, …). Nested values are rejected. */
export const visitorMetadataSchema = z
	.record(z.string().check(z.minLength(1), z.maxLength(100)), metadataValueSchema)
	.check(
		z.refine((value) => Object.keys(value).length <= LIMITS.maxMetadataKeys, {
			message: `at most ${LIMITS.maxMetadataKeys} keys`,
		}),
	);

export type MetadataValue = z.infer<typeof metadataValueSchema>;
/** Key-value pairs for storing custom data about contacts (docs: Types → VisitorMetadata). */
export type VisitorMetadata = z.infer<typeof visitorMetadataSchema>;

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
