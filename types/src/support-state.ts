import * as v from "valibot";
import { emailAddressSchema } from "./email.ts";
import { httpUrlSchema } from "./http-url.ts";
import { visitorMetadataSchema } from "./metadata.ts";
import { refusingArrays } from "./plain-object.ts";
import { publicContactSchema, publicVisitorSchema } from "./website.ts";

/** A feature flag or onboarding step name: what a `support.ts` config declares. */
export const supportNameSchema = v.pipe(
	v.string(),
	v.minLength(1),
	v.maxLength(64),
	v.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, "must be letters, digits, '_', '.', ':' or '-'"),
);

/** Arbitrary JSON metadata of one onboarding step (replaced whole by setMetadata). */
export const onboardingMetadataSchema = v.pipe(
	refusingArrays(v.record(v.pipe(v.string(), v.maxLength(100)), v.unknown())),
	v.check((value) => JSON.stringify(value).length <= 16_384, "at most 16 KB of JSON"),
);

/** Progress of one onboarding step. */
export const onboardingStepStateSchema = v.object({
	completed: v.boolean(),
	metadata: v.nullable(onboardingMetadataSchema),
});

/**
 * What the widget knows about its visitor's support state: the effective feature flags (a flag
 * is enabled when the visitor, its contact or the contact's organization has it) and the
 * effective onboarding progress (the contact's once identified, else the visitor's).
 */
export const supportStateSchema = v.object({
	featureFlags: v.array(supportNameSchema),
	onboarding: refusingArrays(v.record(supportNameSchema, onboardingStepStateSchema)),
});

// The parts the feature-flag schemas of the support API (here) and of the dashboard API
// (rest-dashboard.ts) share, named rather than read out of each other's entries: a property
// read at a module's top level stays in every bundle.

/** Whose flags: a visitor, a contact or a contact organization. */
export const featureFlagTargetTypeSchema = v.picklist([
	"visitor",
	"contact",
	"contactOrganization",
]);

/** The visitor, contact or contact organization whose flags a request reads or changes. */
export const featureFlagTargetSchema = v.object({
	type: featureFlagTargetTypeSchema,
	id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
});

/** How a change applies its flags: added to, removed from or replacing the target's own. */
export const featureFlagOperationSchema = v.picklist(["add", "remove", "set"]);

/** The flags of a change: at most 100 names. */
export const featureFlagListSchema = v.pipe(v.array(supportNameSchema), v.maxLength(100));

/** `PATCH /v1/support/feature-flags` (private key) and `mutateSupportFeatureFlags()`. */
export const featureFlagMutationSchema = v.object({
	target: featureFlagTargetSchema,
	operation: featureFlagOperationSchema,
	flags: featureFlagListSchema,
});

/** Parameters of `identify()` (docs: Types → IdentifyParams). One of externalId / email is required. */
export const identifyParamsShape = {
	externalId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(255))),
	email: v.optional(emailAddressSchema),
	name: v.optional(v.pipe(v.string(), v.maxLength(255))),
	image: v.optional(v.pipe(httpUrlSchema, v.maxLength(2_048))),
	metadata: v.optional(visitorMetadataSchema),
	/** HMAC-SHA256 (hex) of externalId with the website's identity secret, computed server-side. */
	signature: v.optional(v.pipe(v.string(), v.regex(/^[a-f0-9]{64}$/i))),
};

/**
 * identify() needs something to identify by: a pipe action for any object schema with these
 * fields (reported at `externalId`). Free of side effects (see `refusingArrays`).
 */
/* @__NO_SIDE_EFFECTS__ */
export function identifiedByExternalIdOrEmail<
	TInput extends { externalId?: string; email?: string },
>() {
	return v.forward<TInput, v.CheckIssue<TInput>, ["externalId"]>(
		v.check(
			(value) => value.externalId !== undefined || value.email !== undefined,
			"externalId or email is required",
		),
		// Every TInput has `externalId` (its constraint does), but TypeScript cannot resolve the
		// path of a type parameter.
		["externalId"] as never,
	);
}

/** Parameters of `identify()` (docs: Types → IdentifyParams). One of externalId / email is required. */
export const identifyParamsSchema = v.pipe(
	v.object(identifyParamsShape),
	identifiedByExternalIdOrEmail(),
);

/** Keys of the `profile` Y.Map in a `visitor/{id}` document (server-written). */
export const VISITOR_PROFILE_KEYS = {
	/** PublicVisitor JSON (contact included once identified). */
	visitor: "visitor",
	/** SupportState JSON. */
	supportState: "supportState",
} as const;

/** `POST /v1/contacts/identify`: the visitor (now linked) and its contact. */
export const identifyResponseSchema = v.object({
	visitor: publicVisitorSchema,
	contact: publicContactSchema,
});

/** `PATCH /v1/support/feature-flags`: the target's own flags after the mutation. */
export const featureFlagMutationResponseSchema = v.object({
	target: featureFlagTargetSchema,
	featureFlags: v.array(supportNameSchema),
});

export type OnboardingStepState = v.InferOutput<typeof onboardingStepStateSchema>;
export type SupportState = v.InferOutput<typeof supportStateSchema>;
export type FeatureFlagTargetType = v.InferOutput<typeof featureFlagTargetTypeSchema>;
export type FeatureFlagMutation = v.InferOutput<typeof featureFlagMutationSchema>;
/** Parameters for the `identify()` function. */
export type IdentifyParams = v.InferOutput<typeof identifyParamsSchema>;
export type IdentifyResponse = v.InferOutput<typeof identifyResponseSchema>;
export type FeatureFlagMutationResponse = v.InferOutput<typeof featureFlagMutationResponseSchema>;
