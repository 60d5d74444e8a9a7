import * as z from "zod/mini";
import { agentRoleSchema } from "./agents.ts";
import { agentUserSchema } from "./auth.ts";
import { teamVisitorSchema } from "./rest-directory.ts";
import { featureFlagMutationSchema, supportNameSchema } from "./support-state.ts";

/**
 * Reads and writes the agents' dashboard needs beyond the backend API: a visitor's devices,
 * feature flags for agent sessions, agents' roles and pending invitations.
 */

/** What a visitor's User-Agent says about its device (best effort; null when unknown). */
export const visitorDeviceSchema = z.object({
	/** The raw User-Agent of the last visit (capped at 512 characters). */
	userAgent: z.nullable(z.string()),
	/** `Chrome 131`, `Safari 18`, `Firefox 133`, … */
	browser: z.nullable(z.string()),
	/** `macOS`, `Windows`, `iOS 18`, `Android 15`, `Linux`, … */
	os: z.nullable(z.string()),
	deviceType: z.nullable(z.enum(["desktop", "mobile", "tablet"])),
});

/** A visitor as the dashboard shows it: the team record plus its device. */
export const visitorDetailSchema = z.object({
	...teamVisitorSchema.shape,
	device: visitorDeviceSchema,
});

/** `GET /v1/visitors/:visitorId`. */
export const visitorDetailResponseSchema = z.object({ visitor: visitorDetailSchema });

/** `GET /v1/contacts/:contactId/visitors`: the contact's devices, most recently seen first. */
export const contactVisitorsResponseSchema = z.object({
	visitors: z.array(visitorDetailSchema),
});

/** Whose flags: a visitor, a contact or a contact organization. */
export const featureFlagTargetTypeSchema = featureFlagMutationSchema.shape.target.shape.type;

/** `GET` / `PATCH /v1/feature-flags/:targetType/:targetId`: the target's own flags. */
export const featureFlagsResponseSchema = z.object({
	target: featureFlagMutationSchema.shape.target,
	featureFlags: z.array(supportNameSchema),
});

/** `PATCH /v1/feature-flags/:targetType/:targetId` (admins, backends): add, remove or set flags. */
export const updateFeatureFlagsRequestSchema = z.strictObject({
	operation: featureFlagMutationSchema.shape.operation,
	flags: featureFlagMutationSchema.shape.flags,
});

/** `PATCH /v1/websites/:websiteId/agents/:userId` (admins): the account's new role. */
export const updateAgentRoleRequestSchema = z.strictObject({ role: agentRoleSchema });

/** The agent after a change. */
export const agentResponseSchema = z.object({ agent: agentUserSchema });

export type VisitorDevice = z.infer<typeof visitorDeviceSchema>;
export type VisitorDetail = z.infer<typeof visitorDetailSchema>;
export type VisitorDetailResponse = z.infer<typeof visitorDetailResponseSchema>;
export type ContactVisitorsResponse = z.infer<typeof contactVisitorsResponseSchema>;
export type FeatureFlagTargetType = z.infer<typeof featureFlagTargetTypeSchema>;
export type FeatureFlagsResponse = z.infer<typeof featureFlagsResponseSchema>;
export type UpdateFeatureFlagsRequest = z.infer<typeof updateFeatureFlagsRequestSchema>;
export type UpdateAgentRoleRequest = z.infer<typeof updateAgentRoleRequestSchema>;
export type AgentResponse = z.infer<typeof agentResponseSchema>;
