import * as v from "valibot";
import { emailAddressSchema } from "./email.ts";

export const loginRequestSchema = v.object({
	email: emailAddressSchema,
	password: v.pipe(v.string(), v.minLength(1), v.maxLength(1_024)),
});

/**
 * An agent account. `role` is per website: in a website's team list it is the role there; in a
 * login answer it is `admin` when the account is an admin of at least one website (which ones:
 * `adminWebsiteIds`).
 */
export const agentUserSchema = v.object({
	id: v.string(),
	email: v.string(),
	name: v.string(),
	image: v.nullable(v.string()),
	role: v.picklist(["admin", "agent"]),
});

export const loginResponseSchema = v.object({
	token: v.string(),
	expiresAt: v.string(),
	user: agentUserSchema,
	websiteIds: v.array(v.string()),
	/** The websites (of `websiteIds`) this agent administers: keys, settings, team. */
	adminWebsiteIds: v.array(v.string()),
});

export type LoginRequest = v.InferOutput<typeof loginRequestSchema>;
export type AgentUser = v.InferOutput<typeof agentUserSchema>;
export type LoginResponse = v.InferOutput<typeof loginResponseSchema>;

/** HTTP headers of the public API. */
export const HEADERS = {
	publicKey: "x-public-key",
	visitorToken: "x-visitor-token",
	visitorLanguage: "x-visitor-language",
	visitorTimezone: "x-visitor-timezone",
	/** URL-encoded original name of an uploaded file (`POST /v1/uploads`). */
	fileName: "x-file-name",
} as const;
