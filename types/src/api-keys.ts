import * as z from "zod/mini";
import { isoDateSchema } from "./ids.ts";

/** `public` keys (`pk_…`) work from browsers on allowed origins; `private` keys (`sk_…`) are for servers. */
export const apiKeyKindSchema = z.enum(["public", "private"]);
/** `test` keys also work from localhost; `live` keys only from the allowed origins. */
export const apiKeyEnvironmentSchema = z.enum(["test", "live"]);

/** `POST /v1/websites/:websiteId/api-keys` (admins). */
export const createApiKeyRequestSchema = z.strictObject({
	name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
	kind: apiKeyKindSchema,
	environment: apiKeyEnvironmentSchema,
});

/**
 * An API key as listed to admins. A private key's value is never listed (only its `prefix`):
 * the server keeps nothing but its SHA-256. Public keys are not secret and keep their value.
 */
export const apiKeySchema = z.object({
	id: z.string(),
	websiteId: z.string(),
	name: z.string(),
	kind: apiKeyKindSchema,
	environment: apiKeyEnvironmentSchema,
	/** First characters of the key, for recognising it (`sk_live_AbCd`). */
	prefix: z.string(),
	/** The whole key, for public keys only. */
	publicValue: z.nullable(z.string()),
	/** Last use, updated at most once a minute per key. */
	lastUsedAt: z.nullable(isoDateSchema),
	revokedAt: z.nullable(isoDateSchema),
	createdAt: isoDateSchema,
});

/** The created key; `key` is the only time a private key's value is ever shown. */
export const createApiKeyResponseSchema = z.object({
	apiKey: apiKeySchema,
	key: z.string(),
});

export const apiKeyListResponseSchema = z.object({ apiKeys: z.array(apiKeySchema) });
export const apiKeyResponseSchema = z.object({ apiKey: apiKeySchema });

export type ApiKeyKind = z.infer<typeof apiKeyKindSchema>;
export type ApiKeyEnvironment = z.infer<typeof apiKeyEnvironmentSchema>;
export type CreateApiKeyRequest = z.infer<typeof createApiKeyRequestSchema>;
export type ApiKeyRecord = z.infer<typeof apiKeySchema>;
export type CreateApiKeyResponse = z.infer<typeof createApiKeyResponseSchema>;
