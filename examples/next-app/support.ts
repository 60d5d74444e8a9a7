import { createSupport, type SupportOnboardingMetadata } from "@cossistant/core";

/**
 * Typed feature flags and onboarding steps (docs: Support State). Flags are switched on the
 * server (`PATCH /v1/support/feature-flags` with a private key) and reach the page live.
 */
export const support = createSupport({
	featureFlags: ["new-message", "billing-v2"],
	onboarding: {
		steps: [
			{ id: "workspace", isFirst: true },
			{ id: "invite-team" },
			{ id: "done", isLast: true },
		],
	},
});

declare module "@cossistant/core/support-config" {
	interface SupportRegister {
		config: typeof support;
		onboardingMetadata: SupportOnboardingMetadata<
			typeof support,
			{
				workspace: { workspaceName?: string };
				"invite-team": { invitedEmails?: string[] };
			}
		>;
	}
}
