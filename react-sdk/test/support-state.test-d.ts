import { expectTypeOf, test } from "vitest";
import { useFeatureFlag, useOnboarding } from "../src/index.ts";

// One TypeScript program holds every package: the docs' support.ts is registered once, in
// client-core/test/support-config.test-d.ts (flags new-message / billing-v2; steps workspace,
// invite-team, done). A second registration here would conflict with it.

test("feature flag names and onboarding steps come from the registered support.ts", () => {
	expectTypeOf(useFeatureFlag).parameter(0).toEqualTypeOf<"new-message" | "billing-v2">();
	// @ts-expect-error: not a flag of support.ts
	useFeatureFlag("unknown-flag");
	const onboarding = useOnboarding();
	expectTypeOf(onboarding.currentStepId).toEqualTypeOf<
		"workspace" | "invite-team" | "done" | null
	>();
	void onboarding.setMetadata("invite-team", { invitedEmails: ["ada@acme.com"] });
	// @ts-expect-error: invitedEmails is a list of strings
	void onboarding.setMetadata("invite-team", { invitedEmails: "ada@acme.com" });
	// @ts-expect-error: not a step of support.ts
	void onboarding.completeStep("unknown-step");
});
