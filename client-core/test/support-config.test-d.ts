import { describe, expectTypeOf, it } from "vitest";
import {
	type CossistantClient,
	createSupport,
	type FeatureFlagName,
	type OnboardingStepId,
	type SupportOnboardingMetadata,
} from "../src/index.ts";

// The app's support.ts, registered exactly as the docs' Support State page shows.
const support = createSupport({
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

declare const client: CossistantClient;

describe("typed support state", () => {
	it("infers flag names and step ids from the registered config", () => {
		expectTypeOf<FeatureFlagName>().toEqualTypeOf<"new-message" | "billing-v2">();
		expectTypeOf<OnboardingStepId>().toEqualTypeOf<"workspace" | "invite-team" | "done">();
		expectTypeOf(client.isFeatureFlagEnabled)
			.parameter(0)
			.toEqualTypeOf<"new-message" | "billing-v2">();
	});

	it("accepts valid flags, steps and step metadata", () => {
		client.isFeatureFlagEnabled("new-message");
		void client.completeOnboardingStep("invite-team");
		void client.setOnboardingMetadata("workspace", { workspaceName: "Acme" });
		void client.setOnboardingMetadata("invite-team", { invitedEmails: ["a@b.c"] });
		void client.setOnboardingMetadata("workspace", null);
	});

	it("rejects unknown flags, unknown steps and wrong metadata shapes", () => {
		// @ts-expect-error unknown flag name
		client.isFeatureFlagEnabled("dark-mode");
		// @ts-expect-error unknown onboarding step
		void client.completeOnboardingStep("billing");
		// @ts-expect-error metadata of the wrong shape for this step
		void client.setOnboardingMetadata("workspace", { workspaceName: 42 });
		// @ts-expect-error metadata of another step
		void client.setOnboardingMetadata("workspace", { invitedEmails: ["a@b.c"] });
		type Unknown = SupportOnboardingMetadata<
			typeof support,
			// @ts-expect-error a step id the config does not declare
			{ billing: { plan: string } }
		>;
		expectTypeOf<Unknown>().not.toBeAny();
	});
});
