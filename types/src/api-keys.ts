import * as v from "valibot";
import { isoDateSchema } from "./ids.ts";

/** `public` keys (`pk_…`) work from browsers on allowed origins; `private` keys (`sk_…`) are for servers. */
export const apiKeyKindSchema = v.picklist(["public", "private"]);
/** `test` keys also work from localhost; `live` keys only from the allowed origins. */
export const apiKeyEnvironmentSchema = v.picklist(["test", "live"]);

/** `POST /v1/websites/:websiteId/api-keys` (admins). */
export const createApiKeyRequestSchema = v.strictObject({
	name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
	kind: apiKeyKindSchema,
	environment: apiKeyEnvironmentSchema,
});

/**
 * An API key as listed to admins. A private key's value is never listed (only its `prefix`):
 * the server keeps nothing but its SHA-256. Public keys are not secret and keep their value.
 */
export const apiKeySchema = v.object({
	id: v.string(),
	websiteId: v.string(),
	name: v.string(),
	kind: apiKeyKindSchema,
	environment: apiKeyEnvironmentSchema,
	/** First characters of the key, for recognising it (`sk_live_AbCd`). */
	prefix: v.string(),
	/** The whole key, for public keys only. */
	publicValue: v.nullable(v.string()),
	/** Last use, updated at most once a minute per key. */
	lastUsedAt: v.nullable(isoDateSchema),
	revokedAt: v.nullable(isoDateSchema),
	createdAt: isoDateSchema,
});

/** The created key; `key` is the only time a private key's value is ever shown. */
export const createApiKeyResponseSchema = v.object({
	apiKey: apiKeySchema,
	key: v.string(),
});

export const apiKeyListResponseSchema = v.object({ apiKeys: v.array(apiKeySchema) });
export const apiKeyResponseSchema = v.object({ apiKey: apiKeySchema });

export type ApiKeyKind = v.InferOutput<typeof apiKeyKindSchema>;
export type ApiKeyEnvironment = v.InferOutput<typeof apiKeyEnvironmentSchema>;
export type CreateApiKeyRequest = v.InferOutput<typeof createApiKeyRequestSchema>;
export type ApiKeyRecord = v.InferOutput<typeof apiKeySchema>;
export type CreateApiKeyResponse = v.InferOutput<typeof createApiKeyResponseSchema>;
