import type { OnboardingMetadataOf, OnboardingStepId } from "@cossistant/core";
import type { OnboardingStepState } from "@cossistant/types";
import { useCallback } from "react";
import { useSupportSession } from "../provider/support-context.ts";
import { useStore } from "../provider/use-store.ts";

const NO_STEPS: Record<string, OnboardingStepState> = {};

/** What `useOnboarding()` returns. */
export interface UseOnboardingResult {
	/** The first step (in `support.ts` order) not completed yet; null when all are done. */
	currentStepId: OnboardingStepId | null;
	/** Every step's `{ completed, metadata }`, optimistic changes included. */
	steps: Record<string, OnboardingStepState>;
	/** true once the server's state arrived. */
	isLoaded: boolean;
	isStepCompleted: (step: OnboardingStepId) => boolean;
	getMetadata: <S extends OnboardingStepId>(step: S) => OnboardingMetadataOf<S> | null;
	/** Replaces a step's metadata (`null` clears it). Optimistic; resolves once durably queued. */
	setMetadata: <S extends OnboardingStepId>(
		step: S,
		metadata: OnboardingMetadataOf<S> | null,
	) => Promise<void>;
	/** Marks a step completed. Optimistic; resolves once durably queued. */
	completeStep: (step: OnboardingStepId) => Promise<void>;
}

/**
 * Onboarding progress from `support.ts`: current step, completion and per-step metadata,
 * updated live and optimistically.
 *
 * @example
 * const { currentStepId, setMetadata, completeStep } = useOnboarding();
 * await setMetadata("invite-team", { invitedEmails });
 * await completeStep("invite-team");
 */
export function useOnboarding(): UseOnboardingResult {
	const { client, requireClient } = useSupportSession("useOnboarding");
	const state = client?.support.store.state;
	const steps = useStore(state, (s) => s?.onboarding ?? NO_STEPS);
	const currentStepId = useStore(
		state,
		(s) => (s?.currentStepId ?? null) as OnboardingStepId | null,
	);
	const isLoaded = useStore(state, (s) => s?.loaded ?? false);
	const setMetadata = useCallback(
		async <S extends OnboardingStepId>(step: S, metadata: OnboardingMetadataOf<S> | null) => {
			await (await requireClient()).setOnboardingMetadata(step, metadata);
		},
		[requireClient],
	);
	const completeStep = useCallback(
		async (step: OnboardingStepId) => {
			await (await requireClient()).completeOnboardingStep(step);
		},
		[requireClient],
	);
	return {
		currentStepId,
		steps,
		isLoaded,
		isStepCompleted: (step) => steps[step]?.completed ?? false,
		getMetadata: <S extends OnboardingStepId>(step: S) =>
			(steps[step]?.metadata ?? null) as OnboardingMetadataOf<S> | null,
		setMetadata,
		completeStep,
	};
}
