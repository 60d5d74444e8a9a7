import * as z from "zod/mini";
import { replyTimeMinutesSchema } from "./reply-time.ts";

const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const ORIGIN_PATTERN = new RegExp(`^https?://(?:\\*\\.)?${LABEL}(?:\\.${LABEL})*(?::\\d{1,5})?$`);

/**
 * One allowed origin of a website: an exact origin (`https://app.example.com`,
 * `http://localhost:3000`) or a wildcard of subdomains (`https://*.example.com`). The protocol is
 * required and must match the browser's; no path, query or credentials. Entries are stored
 * trimmed, lower-cased and without a trailing slash. International domains go in punycode.
 */
export const allowedOriginSchema = z.string().check(
	z.trim(),
	z.maxLength(255),
	z.toLowerCase(),
	z.overwrite((value) => value.replace(/\/+$/, "")),
	z.regex(
		ORIGIN_PATTERN,
		"must be an origin like https://app.example.com or https://*.example.com (protocol required, no path)",
	),
	z.refine((value) => !value.includes("*") || /^https?:\/\/\*\.[^.]+\.[^.]+/.test(value), {
		message: "a wildcard needs a domain under it: https://*.example.com, not https://*.com",
	}),
	z.refine(
		(value) => {
			const port = /:(\d+)$/.exec(value)?.[1];
			return port === undefined || (Number(port) >= 1 && Number(port) <= 65_535);
		},
		{ message: "the port must be between 1 and 65535" },
	),
);

/** The allowed origins of a website (deduplicated by the server). */
export const allowedOriginsSchema = z.array(allowedOriginSchema).check(z.maxLength(100));

/** `GET /v1/websites/:websiteId/settings`: what agents of the website may read. */
export const websiteSettingsSchema = z.object({
	id: z.string(),
	name: z.string(),
	allowedOrigins: z.array(z.string()),
	/** When true, every `identify()` needs a valid signature; otherwise only joining an existing contact does. */
	identityVerificationRequired: z.boolean(),
	/** How long the team usually takes to answer, in minutes; the widget's home page shows it. */
	replyTimeMinutes: z.nullable(replyTimeMinutesSchema),
});

/** `PATCH /v1/websites/:websiteId/settings` (admins): only the fields present change. */
export const updateWebsiteSettingsRequestSchema = z
	.strictObject({
		name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
		allowedOrigins: z.optional(allowedOriginsSchema),
		identityVerificationRequired: z.optional(z.boolean()),
		/** null clears it: the widget then says nothing about reply times. */
		replyTimeMinutes: z.optional(z.nullable(replyTimeMinutesSchema)),
	})
	.check(z.refine((value) => Object.keys(value).length > 0, { message: "nothing to update" }));

/**
 * `POST /v1/websites/:websiteId/settings/identity-secret` (admins): a new HMAC secret for
 * `identify()` signatures, shown this once. The previous secret stops working at once.
 */
export const rotateIdentitySecretResponseSchema = z.object({ identitySecret: z.string() });

export type WebsiteSettings = z.infer<typeof websiteSettingsSchema>;
export type UpdateWebsiteSettingsRequest = z.infer<typeof updateWebsiteSettingsRequestSchema>;
export type RotateIdentitySecretResponse = z.infer<typeof rotateIdentitySecretResponseSchema>;
