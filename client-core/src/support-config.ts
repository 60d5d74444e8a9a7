// Entry point of `@cossistant/core/support-config`: the module apps augment (docs: Support State).
// SupportRegister must be declared here, not re-exported, for augmentation to merge with it.
/**
 * Typed support state (docs: Support State). Apps register their `support.ts` config by
 * module augmentation:
 *
 * @example
 * declare module "@cossistant/core/support-config" {
 *   interface SupportRegister {
 *     config: typeof support;
 *     onboardingMetadata: SupportOnboardingMetadata<typeof support, { workspace: { workspaceName?: string } }>;
 *   }
 * }
 *
 * Without registration every flag / step name is a plain string.
 */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by apps (module augmentation).
export interface SupportRegister {}

/** One onboarding step of a support config. */
export interface OnboardingStepConfig<Id extends string = string> {
	id: Id;
	isFirst?: boolean;
	isLast?: boolean;
}

/** What `createSupport()` returns: the config, with its names kept as literal types. */
export interface SupportConfig<Flag extends string = string, StepId extends string = string> {
	readonly featureFlags: readonly Flag[];
	readonly onboarding: { readonly steps: ReadonlyArray<OnboardingStepConfig<StepId>> };
}

type RegisteredConfig = SupportRegister extends { config: infer C } ? C : SupportConfig;

/** Feature flag names of the registered config (string when none is registered). */
export type FeatureFlagName = RegisteredConfig extends SupportConfig<infer F, string> ? F : string;

/** Onboarding step ids of the registered config (string when none is registered). */
export type OnboardingStepId = RegisteredConfig extends SupportConfig<string, infer S> ? S : string;

/** Step ids of a given config. */
export type StepIdOf<C> = C extends SupportConfig<string, infer S> ? S : never;

/**
 * Declares the metadata shape of each onboarding step of `C`; unknown step ids fail to compile.
 */
export type SupportOnboardingMetadata<
	C,
	M extends { [K in keyof M]: K extends StepIdOf<C> ? Record<string, unknown> : never },
> = M;

/** The metadata type of step `S` (a plain record when none is declared). */
export type OnboardingMetadataOf<S extends string> = SupportRegister extends {
	onboardingMetadata: infer M;
}
	? S extends keyof M
		? M[S]
		: Record<string, unknown>
	: Record<string, unknown>;

/**
 * Declares the app's feature flags and onboarding steps (docs: `support.ts`).
 * @example
 * export const support = createSupport({
 *   featureFlags: ["new-message", "billing-v2"],
 *   onboarding: { steps: [{ id: "workspace", isFirst: true }, { id: "done", isLast: true }] },
 * });
 */
export function createSupport<
	const Flag extends string,
	const StepId extends string = never,
>(config: {
	featureFlags: readonly Flag[];
	onboarding?: { steps: ReadonlyArray<OnboardingStepConfig<StepId>> };
}): SupportConfig<Flag, StepId> {
	return {
		featureFlags: [...config.featureFlags],
		onboarding: { steps: [...(config.onboarding?.steps ?? [])] },
	};
}
