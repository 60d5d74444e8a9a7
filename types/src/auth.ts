import * as z from "zod/mini";

export const loginRequestSchema = z.object({
	email: z.email().check(z.maxLength(320)),
	password: z.string().check(z.minLength(1), z.maxLength(1_024)),
});

/**
 * An agent account. `role` is per website: in a website's team list it is the role there; in a
 * login answer it is `admin` when the account is an admin of at least one website (which ones:
 * `adminWebsiteIds`).
 */
export const agentUserSchema = z.object({
	id: z.string(),
	email: z.string(),
	name: z.string(),
	image: z.nullable(z.string()),
	role: z.enum(["admin", "agent"]),
});

export const loginResponseSchema = z.object({
	token: z.string(),
	expiresAt: z.string(),
	user: agentUserSchema,
	websiteIds: z.array(z.string()),
	/** The websites (of `websiteIds`) this agent administers: keys, settings, team. */
	adminWebsiteIds: z.array(z.string()),
});

export type LoginRequest = z.infer<typeof loginRequestSchema>;
export type AgentUser = z.infer<typeof agentUserSchema>;
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** HTTP headers of the public API. */
export const HEADERS = {
	publicKey: "x-public-key",
	visitorToken: "x-visitor-token",
	visitorLanguage: "x-visitor-language",
	visitorTimezone: "x-visitor-timezone",
	/** URL-encoded original name of an uploaded file (`POST /v1/uploads`). */
	fileName: "x-file-name",
} as const;
