// Support State: onboarding with useOnboarding().
"use client";

import { useOnboarding } from "@cossistant/react";

export function InviteStep() {
	const { currentStepId, setMetadata, completeStep } = useOnboarding();

	if (currentStepId !== "invite-team") {
		return null;
	}

	async function submit(invitedEmails: string[]) {
		await setMetadata("invite-team", { invitedEmails });
		await completeStep("invite-team");
	}

	return <InviteForm onSubmit={submit} />;
}
