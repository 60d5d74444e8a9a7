import * as z from "zod/mini";
import { agentUserSchema, loginResponseSchema } from "./auth.ts";
import { isoDateSchema } from "./ids.ts";
import { aiAgentSchema } from "./website.ts";
import { allowedOriginsSchema } from "./website-settings.ts";

/** Admins manage keys, settings and agents; agents answer conversations. */
export const agentRoleSchema = z.enum(["admin", "agent"]);

/** A new password: long enough to resist guessing, bounded so hashing stays cheap. */
export const newPasswordSchema = z.string().check(z.minLength(10), z.maxLength(256));

const emailSchema = z.email().check(z.maxLength(320));
const displayNameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));

/**
 * `POST /v1/websites/:websiteId/agents` (admins). Without `password`, a one-time invitation token
 * is returned, the same answer whether the email has an account or not: a new person accepts it
 * with `POST /v1/auth/accept-invite`, an existing account with `POST /v1/invitations/accept`
 * while logged in. With `password` a new account is created at once (`409` if the email has an
 * account). `role` is the role on this website only.
 */
export const createAgentRequestSchema = z.strictObject({
	email: emailSchema,
	name: displayNameSchema,
	role: z._default(agentRoleSchema, "agent"),
	password: z.optional(newPasswordSchema),
});

/** A pending invitation (its token is shown once, at creation). */
export const invitationSchema = z.object({
	id: z.string(),
	websiteId: z.string(),
	email: z.string(),
	name: z.string(),
	role: agentRoleSchema,
	expiresAt: isoDateSchema,
	createdAt: isoDateSchema,
});

/** The agent created (with a password), or the invitation with its one-time token. */
export const createAgentResponseSchema = z.union([
	z.object({ agent: agentUserSchema }),
	z.object({ invitation: invitationSchema, inviteToken: z.string() }),
]);

/** `GET /v1/websites/:websiteId/agents`: members and pending invitations. */
export const agentListResponseSchema = z.object({
	agents: z.array(agentUserSchema),
	invitations: z.array(invitationSchema),
});

/** `POST /v1/auth/accept-invite`: sets the password and logs in (answers a LoginResponse). */
export const acceptInviteRequestSchema = z.strictObject({
	token: z.string().check(z.minLength(1), z.maxLength(200)),
	password: newPasswordSchema,
	name: z.optional(displayNameSchema),
});

/** `POST /v1/invitations/accept` (a logged-in agent): the invitation's one-time token. */
export const acceptInvitationRequestSchema = z.strictObject({
	token: z.string().check(z.minLength(1), z.maxLength(200)),
});

/** The website joined and the agent's role there. */
export const acceptInvitationResponseSchema = z.object({
	websiteId: z.string(),
	role: agentRoleSchema,
});

/** `POST /v1/websites/:websiteId/ai-agents` (admins): an actor backends post messages as. */
export const createAiAgentRequestSchema = z.strictObject({
	name: displayNameSchema,
	image: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(2_048))),
});

export const aiAgentResponseSchema = z.object({ aiAgent: aiAgentSchema });
export const aiAgentListResponseSchema = z.object({ aiAgents: z.array(aiAgentSchema) });

/** `GET /v1/auth/me`: who the session token belongs to. */
export const meResponseSchema = z.object({
	userId: z.string(),
	name: z.string(),
	/** `admin` when an admin of at least one website; per website: `adminWebsiteIds`. */
	role: agentRoleSchema,
	websiteIds: z.array(z.string()),
	adminWebsiteIds: z.array(z.string()),
});

/** `GET /v1/setup`: whether this install still needs its first admin. */
export const setupStatusResponseSchema = z.object({ needsSetup: z.boolean() });

/** `POST /v1/setup`: the first admin and the first website; refused once any agent exists. */
export const setupRequestSchema = z.strictObject({
	email: emailSchema,
	name: displayNameSchema,
	password: newPasswordSchema,
	websiteName: displayNameSchema,
	allowedOrigins: z.optional(allowedOriginsSchema),
});

/** The admin's session (as a login answers) plus the website and its first `pk_test_…` key. */
export const setupResponseSchema = z.extend(loginResponseSchema, {
	website: z.object({ id: z.string(), name: z.string() }),
	publicKey: z.string(),
});

export type AgentRole = z.infer<typeof agentRoleSchema>;
export type CreateAgentRequest = z.infer<typeof createAgentRequestSchema>;
export type CreateAgentResponse = z.infer<typeof createAgentResponseSchema>;
export type Invitation = z.infer<typeof invitationSchema>;
export type AgentListResponse = z.infer<typeof agentListResponseSchema>;
export type AcceptInviteRequest = z.infer<typeof acceptInviteRequestSchema>;
export type AcceptInvitationRequest = z.infer<typeof acceptInvitationRequestSchema>;
export type AcceptInvitationResponse = z.infer<typeof acceptInvitationResponseSchema>;
export type CreateAiAgentRequest = z.infer<typeof createAiAgentRequestSchema>;
export type MeResponse = z.infer<typeof meResponseSchema>;
export type SetupRequest = z.infer<typeof setupRequestSchema>;
export type SetupResponse = z.infer<typeof setupResponseSchema>;
