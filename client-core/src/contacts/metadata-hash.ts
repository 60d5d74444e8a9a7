import { canonicalMetadataJson, type VisitorMetadata } from "@cossistant/types";

/** SHA-256 (hex) of the canonical JSON of `metadata`, as the server stores it. */
export async function hashMetadata(metadata: VisitorMetadata): Promise<string> {
	const bytes = new TextEncoder().encode(canonicalMetadataJson(metadata));
	const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes);
	return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
