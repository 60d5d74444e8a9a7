import { randomToken, sha256Hex } from "./crypto-helpers.ts";

export type ApiKeyKind = "public" | "private";
export type ApiKeyEnvironment = "test" | "live";

const KEY_PATTERN = /^(pk|sk)_(test|live)_[A-Za-z0-9_-]{16,128}$/;

/** A freshly generated key: `value` is shown once; only `hash` is stored for private keys. */
export interface GeneratedApiKey {
	value: string;
	hash: string;
	prefix: string;
}

/** Generates `pk_test_…`, `pk_live_…`, `sk_test_…` or `sk_live_…`. */
export function generateApiKey(kind: ApiKeyKind, environment: ApiKeyEnvironment): GeneratedApiKey {
	const value = `${kind === "public" ? "pk" : "sk"}_${environment}_${randomToken(24)}`;
	return { value, hash: sha256Hex(value), prefix: value.slice(0, 12) };
}

/** Parses the shape of a key without touching the database; `null` if malformed. */
export function parseApiKey(
	value: string,
): { kind: ApiKeyKind; environment: ApiKeyEnvironment } | null {
	const match = KEY_PATTERN.exec(value);
	if (!match) return null;
	return {
		kind: match[1] === "pk" ? "public" : "private",
		environment: match[2] as ApiKeyEnvironment,
	};
}
