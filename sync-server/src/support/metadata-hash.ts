import { createHash } from "node:crypto";
import { canonicalMetadataJson, type VisitorMetadata } from "@cossistant/types";

/** SHA-256 (hex) of metadata's canonical JSON: an unchanged hash means nothing to write. */
export function metadataHash(metadata: VisitorMetadata): string {
	return createHash("sha256").update(canonicalMetadataJson(metadata)).digest("hex");
}
