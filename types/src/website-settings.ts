import * as v from "valibot";
import { replyTimeMinutesSchema } from "./reply-time.ts";

const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
// Marked pure: a bundle without the settings schemas (the widget's) drops the pattern too.
const ORIGIN_PATTERN = /* @__PURE__ */ new RegExp(
	`^https?://(?:\\*\\.)?${LABEL}(?:\\.${LABEL})*(?::\\d{1,5})?$`,
);

/**
 * One allowed origin of a website: an exact origin (`https://app.example.com`,
 * `http://localhost:3000`) or a wildcard of subdomains (`https://*.example.com`). The protocol is
 * required and must match the browser's; no path, query or credentials. Entries are stored
 * trimmed, lower-cased and without a trailing slash. International domains go in punycode.
 */
export const allowedOriginSchema = v.pipe(
	v.string(),
	v.trim(),
	v.maxLength(255),
	v.toLowerCase(),
	v.transform((value) => value.replace(/\/+$/, "")),
	v.regex(
		ORIGIN_PATTERN,
		"must be an origin like https://app.example.com or https://*.example.com (protocol required, no path)",
	),
	v.check(
		(value) => !value.includes("*") || /^https?:\/\/\*\.[^.]+\.[^.]+/.test(value),
		"a wildcard needs a domain under it: https://*.example.com, not https://*.com",
	),
	v.check((value) => {
		const port = /:(\d+)$/.exec(value)?.[1];
		return port === undefined || (Number(port) >= 1 && Number(port) <= 65_535);
	}, "the port must be between 1 and 65535"),
);

/** The allowed origins of a website (deduplicated by the server). */
export const allowedOriginsSchema = v.pipe(v.array(allowedOriginSchema), v.maxLength(100));

/** `GET /v1/websites/:websiteId/settings`: what agents of the website may read. */
export const websiteSettingsSchema = v.object({
	id: v.string(),
	name: v.string(),
	allowedOrigins: v.array(v.string()),
	/** When true, every `identify()` needs a valid signature; otherwise only joining an existing contact does. */
	identityVerificationRequired: v.boolean(),
	/** How long the team usually takes to answer, in minutes; the widget's home page shows it. */
	replyTimeMinutes: v.nullable(replyTimeMinutesSchema),
});

/** `PATCH /v1/websites/:websiteId/settings` (admins): only the fields present change. */
export const updateWebsiteSettingsRequestSchema = v.pipe(
	v.strictObject({
		name: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))),
		allowedOrigins: v.optional(allowedOriginsSchema),
		identityVerificationRequired: v.optional(v.boolean()),
		/** null clears it: the widget then says nothing about reply times. */
		replyTimeMinutes: v.optional(v.nullable(replyTimeMinutesSchema)),
	}),
	v.check((value) => Object.keys(value).length > 0, "nothing to update"),
);

/**
 * `POST /v1/websites/:websiteId/settings/identity-secret` (admins): a new HMAC secret for
 * `identify()` signatures, shown this once. The previous secret stops working at once.
 */
export const rotateIdentitySecretResponseSchema = v.object({ identitySecret: v.string() });

export type WebsiteSettings = v.InferOutput<typeof websiteSettingsSchema>;
export type UpdateWebsiteSettingsRequest = v.InferOutput<typeof updateWebsiteSettingsRequestSchema>;
export type RotateIdentitySecretResponse = v.InferOutput<typeof rotateIdentitySecretResponseSchema>;
