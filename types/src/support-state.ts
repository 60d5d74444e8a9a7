import * as z from "zod/mini";
import { httpUrlSchema } from "./http-url.ts";
import { visitorMetadataSchema } from "./metadata.ts";
import { publicContactSchema, publicVisitorSchema } from "./website.ts";

/** A feature flag or onboarding step name: what a `support.ts` config declares. */
export const supportNameSchema = z
	.string()
	.check(
		z.minLength(1),
		z.maxLength(64),
		z.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, "must be letters, digits, '_', '.', ':' or '-'"),
	);

/** Arbitrary JSON metadata of one onboarding step (replaced whole by setMetadata). */
export const onboardingMetadataSchema = z
	.record(z.string().check(z.maxLength(100)), z.unknown())
	.check(
		z.refine((value) => JSON.stringify(value).length <= 16_384, {
			message: "at most 16 KB of JSON",
		}),
	);

/** Progress of one onboarding step. */
export const onboardingStepStateSchema = z.object({
	completed: z.boolean(),
	metadata: z.nullable(onboardingMetadataSchema),
});

/**
 * What the widget knows about its visitor's support state: the effective feature flags (a flag
 * is enabled when the visitor, its contact or the contact's organization has it) and the
 * effective onboarding progress (the contact's once identified, else the visitor's).
 */
export const supportStateSchema = z.object({
	featureFlags: z.array(supportNameSchema),
	onboarding: z.record(supportNameSchema, onboardingStepStateSchema),
});

/** `PATCH /v1/support/feature-flags` (private key) and `mutateSupportFeatureFlags()`. */
export const featureFlagMutationSchema = z.object({
	target: z.object({
		type: z.enum(["visitor", "contact", "contactOrganization"]),
		id: z.string().check(z.minLength(1), z.maxLength(64)),
	}),
	operation: z.enum(["add", "remove", "set"]),
	flags: z.array(supportNameSchema).check(z.maxLength(100)),
});

/** Parameters of `identify()` (docs: Types → IdentifyParams). One of externalId / email is required. */
export const identifyParamsShape = {
	externalId: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
	email: z.optional(z.email().check(z.maxLength(320))),
	name: z.optional(z.string().check(z.maxLength(255))),
	image: z.optional(httpUrlSchema.check(z.maxLength(2_048))),
	metadata: z.optional(visitorMetadataSchema),
	/** HMAC-SHA256 (hex) of externalId with the website's identity secret, computed server-side. */
	signature: z.optional(z.string().check(z.regex(/^[a-f0-9]{64}$/i))),
};

/** identify() needs something to identify by. */
export const identifiedByExternalIdOrEmail = z.refine<{ externalId?: string; email?: string }>(
	(value) => value.externalId !== undefined || value.email !== undefined,
	{ message: "externalId or email is required", path: ["externalId"] },
);

/** Parameters of `identify()` (docs: Types → IdentifyParams). One of externalId / email is required. */
export const identifyParamsSchema = z
	.object(identifyParamsShape)
	.check(identifiedByExternalIdOrEmail);

/** Keys of the `profile` Y.Map in a `visitor/{id}` document (server-written). */
export const VISITOR_PROFILE_KEYS = {
	/** PublicVisitor JSON (contact included once identified). */
	visitor: "visitor",
	/** SupportState JSON. */
	supportState: "supportState",
} as const;

/** `POST /v1/contacts/identify`: the visitor (now linked) and its contact. */
export const identifyResponseSchema = z.object({
	visitor: publicVisitorSchema,
	contact: publicContactSchema,
});

/** `PATCH /v1/support/feature-flags`: the target's own flags after the mutation. */
export const featureFlagMutationResponseSchema = z.object({
	target: featureFlagMutationSchema.shape.target,
	featureFlags: z.array(supportNameSchema),
});

export type OnboardingStepState = z.infer<typeof onboardingStepStateSchema>;
export type SupportState = z.infer<typeof supportStateSchema>;
export type FeatureFlagMutation = z.infer<typeof featureFlagMutationSchema>;
/** Parameters for the `identify()` function. */
export type IdentifyParams = z.infer<typeof identifyParamsSchema>;
export type IdentifyResponse = z.infer<typeof identifyResponseSchema>;
export type FeatureFlagMutationResponse = z.infer<typeof featureFlagMutationResponseSchema>;
