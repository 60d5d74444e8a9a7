import * as v from "valibot";
import { agentRoleSchema } from "./agents.ts";
import { agentUserSchema } from "./auth.ts";
import { joinEntries } from "./entries.ts";
import { teamVisitorSchema } from "./rest-directory.ts";
import {
	featureFlagListSchema,
	featureFlagOperationSchema,
	featureFlagTargetSchema,
	supportNameSchema,
} from "./support-state.ts";

/**
 * Reads and writes the agents' dashboard needs beyond the backend API: a visitor's devices,
 * feature flags for agent sessions, agents' roles and pending invitations.
 */

/** What a visitor's User-Agent says about its device (best effort; null when unknown). */
export const visitorDeviceSchema = v.object({
	/** The raw User-Agent of the last visit (capped at 512 characters). */
	userAgent: v.nullable(v.string()),
	/** `Chrome 131`, `Safari 18`, `Firefox 133`, … */
	browser: v.nullable(v.string()),
	/** `macOS`, `Windows`, `iOS 18`, `Android 15`, `Linux`, … */
	os: v.nullable(v.string()),
	deviceType: v.nullable(v.picklist(["desktop", "mobile", "tablet"])),
});

/** A visitor as the dashboard shows it: the team record plus its device. */
export const visitorDetailSchema = v.object(
	joinEntries(teamVisitorSchema, { device: visitorDeviceSchema }),
);

/** `GET /v1/visitors/:visitorId`. */
export const visitorDetailResponseSchema = v.object({ visitor: visitorDetailSchema });

/** `GET /v1/contacts/:contactId/visitors`: the contact's devices, most recently seen first. */
export const contactVisitorsResponseSchema = v.object({
	visitors: v.array(visitorDetailSchema),
});

/** `GET` / `PATCH /v1/feature-flags/:targetType/:targetId`: the target's own flags. */
export const featureFlagsResponseSchema = v.object({
	target: featureFlagTargetSchema,
	featureFlags: v.array(supportNameSchema),
});

/** `PATCH /v1/feature-flags/:targetType/:targetId` (admins, backends): add, remove or set flags. */
export const updateFeatureFlagsRequestSchema = v.strictObject({
	operation: featureFlagOperationSchema,
	flags: featureFlagListSchema,
});

/** `PATCH /v1/websites/:websiteId/agents/:userId` (admins): the account's new role. */
export const updateAgentRoleRequestSchema = v.strictObject({ role: agentRoleSchema });

/** The agent after a change. */
export const agentResponseSchema = v.object({ agent: agentUserSchema });

export type VisitorDevice = v.InferOutput<typeof visitorDeviceSchema>;
export type VisitorDetail = v.InferOutput<typeof visitorDetailSchema>;
export type VisitorDetailResponse = v.InferOutput<typeof visitorDetailResponseSchema>;
export type ContactVisitorsResponse = v.InferOutput<typeof contactVisitorsResponseSchema>;
export type FeatureFlagsResponse = v.InferOutput<typeof featureFlagsResponseSchema>;
export type UpdateFeatureFlagsRequest = v.InferOutput<typeof updateFeatureFlagsRequestSchema>;
export type UpdateAgentRoleRequest = v.InferOutput<typeof updateAgentRoleRequestSchema>;
export type AgentResponse = v.InferOutput<typeof agentResponseSchema>;
