// Support State: support.ts, the typed config registered for inference (imported as "@/support").
import { createSupport, type SupportOnboardingMetadata } from "@cossistant/core";

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
