import * as v from "valibot";
import { agentUserSchema, loginResponseSchema } from "./auth.ts";
import { emailAddressSchema } from "./email.ts";
import { joinEntries } from "./entries.ts";
import { httpUrlSchema } from "./http-url.ts";
import { isoDateSchema } from "./ids.ts";
import { aiAgentSchema } from "./website.ts";
import { allowedOriginsSchema } from "./website-settings.ts";

/** Admins manage keys, settings and agents; agents answer conversations. */
export const agentRoleSchema = v.picklist(["admin", "agent"]);

/** A new password: long enough to resist guessing, bounded so hashing stays cheap. */
export const newPasswordSchema = v.pipe(v.string(), v.minLength(10), v.maxLength(256));

const displayNameSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100));

/**
 * `POST /v1/websites/:websiteId/agents` (admins). Without `password`, a one-time invitation token
 * is returned, the same answer whether the email has an account or not: a new person accepts it
 * with `POST /v1/auth/accept-invite`, an existing account with `POST /v1/invitations/accept`
 * while logged in. With `password` a new account is created at once (`409` if the email has an
 * account). `role` is the role on this website only.
 */
export const createAgentRequestSchema = v.strictObject({
	email: emailAddressSchema,
	name: displayNameSchema,
	role: v.optional(agentRoleSchema, "agent"),
	password: v.optional(newPasswordSchema),
});

/** A pending invitation (its token is shown once, at creation). */
export const invitationSchema = v.object({
	id: v.string(),
	websiteId: v.string(),
	email: v.string(),
	name: v.string(),
	role: agentRoleSchema,
	expiresAt: isoDateSchema,
	createdAt: isoDateSchema,
});

/** The agent created (with a password), or the invitation with its one-time token. */
export const createAgentResponseSchema = v.union([
	v.object({ agent: agentUserSchema }),
	v.object({ invitation: invitationSchema, inviteToken: v.string() }),
]);

/** `GET /v1/websites/:websiteId/agents`: members and pending invitations. */
export const agentListResponseSchema = v.object({
	agents: v.array(agentUserSchema),
	invitations: v.array(invitationSchema),
});

/** `POST /v1/auth/accept-invite`: sets the password and logs in (answers a LoginResponse). */
export const acceptInviteRequestSchema = v.strictObject({
	token: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
	password: newPasswordSchema,
	name: v.optional(displayNameSchema),
});

/** `POST /v1/invitations/accept` (a logged-in agent): the invitation's one-time token. */
export const acceptInvitationRequestSchema = v.strictObject({
	token: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
});

/** The website joined and the agent's role there. */
export const acceptInvitationResponseSchema = v.object({
	websiteId: v.string(),
	role: agentRoleSchema,
});

/** `POST /v1/websites/:websiteId/ai-agents` (admins): an actor backends post messages as. */
export const createAiAgentRequestSchema = v.strictObject({
	name: displayNameSchema,
	image: v.optional(v.pipe(httpUrlSchema, v.maxLength(2_048))),
});

export const aiAgentResponseSchema = v.object({ aiAgent: aiAgentSchema });
export const aiAgentListResponseSchema = v.object({ aiAgents: v.array(aiAgentSchema) });

/** `GET /v1/auth/me`: who the session token belongs to. */
export const meResponseSchema = v.object({
	userId: v.string(),
	name: v.string(),
	/** `admin` when an admin of at least one website; per website: `adminWebsiteIds`. */
	role: agentRoleSchema,
	websiteIds: v.array(v.string()),
	adminWebsiteIds: v.array(v.string()),
});

/** `GET /v1/setup`: whether this install still needs its first admin. */
export const setupStatusResponseSchema = v.object({ needsSetup: v.boolean() });

/** `POST /v1/setup`: the first admin and the first website; refused once any agent exists. */
export const setupRequestSchema = v.strictObject({
	email: emailAddressSchema,
	name: displayNameSchema,
	password: newPasswordSchema,
	websiteName: displayNameSchema,
	allowedOrigins: v.optional(allowedOriginsSchema),
});

/** The admin's session (as a login answers) plus the website and its first `pk_test_…` key. */
export const setupResponseSchema = v.object(
	joinEntries(loginResponseSchema, {
		website: v.object({ id: v.string(), name: v.string() }),
		publicKey: v.string(),
	}),
);

export type AgentRole = v.InferOutput<typeof agentRoleSchema>;
export type CreateAgentRequest = v.InferOutput<typeof createAgentRequestSchema>;
export type CreateAgentResponse = v.InferOutput<typeof createAgentResponseSchema>;
export type Invitation = v.InferOutput<typeof invitationSchema>;
export type AgentListResponse = v.InferOutput<typeof agentListResponseSchema>;
export type AcceptInviteRequest = v.InferOutput<typeof acceptInviteRequestSchema>;
export type AcceptInvitationRequest = v.InferOutput<typeof acceptInvitationRequestSchema>;
export type AcceptInvitationResponse = v.InferOutput<typeof acceptInvitationResponseSchema>;
export type CreateAiAgentRequest = v.InferOutput<typeof createAiAgentRequestSchema>;
export type MeResponse = v.InferOutput<typeof meResponseSchema>;
export type SetupRequest = v.InferOutput<typeof setupRequestSchema>;
export type SetupResponse = v.InferOutput<typeof setupResponseSchema>;
