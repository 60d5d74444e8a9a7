import { type CommandOf, LIMITS, type OnboardingStepState } from "@cossistant/types";
import type { CommandHandler } from "../../pipeline/command-handler.ts";
import { CommandRejection } from "../../pipeline/command-rejection.ts";
import { stableJson } from "../../support/stable-json.ts";
import { parseOnboarding } from "../../support/support-state.ts";
import { requireActiveVisitor } from "../access.ts";

type OnboardingCommandType = "onboarding.setMetadata" | "onboarding.completeStep";

/**
 * Builds an onboarding command: the step's next state is computed from its current one and
 * stored on the visitor while anonymous, on its contact once identified (the contact's state
 * is the one that counts then). An unchanged step writes nothing.
 */
function onboardingCommand<T extends OnboardingCommandType>(
	type: T,
	next: (
		current: OnboardingStepState | undefined,
		command: CommandOf<T>,
	) => OnboardingStepState | null,
): CommandHandler<T> {
	return {
		type,
		allowed: ["visitor"],
		needs: (_command, principal) => ({
			conversationIds: [],
			itemIds: [],
			privateDoc: false,
			load: async (ctx) => {
				if (principal.kind === "visitor")
					await ctx.contacts.loadAudience({ visitorIds: [principal.visitorId] });
			},
		}),
		handle(ctx, command, principal) {
			if (principal.kind !== "visitor")
				throw new CommandRejection("forbidden", "Onboarding belongs to visitors.");
			requireActiveVisitor(ctx, principal.visitorId);
			const visitor = ctx.contacts.supportVisitor(principal.visitorId);
			if (!visitor) throw new CommandRejection("forbidden", "Unknown visitor.");
			const contact = visitor.contactId ? ctx.contacts.contact(visitor.contactId) : undefined;
			const state = parseOnboarding(contact ? contact.onboarding : visitor.onboarding);
			// Both command types carry a stepId (TS cannot see it through the generic).
			const { stepId } = command as { stepId: string };
			const current = state[stepId];
			const updated = next(current, command);
			if (updated === null || (current && stableJson(current) === stableJson(updated))) return;
			if (!current && Object.keys(state).length >= LIMITS.maxOnboardingSteps) {
				throw new CommandRejection(
					"invalid_command",
					`Onboarding holds at most ${LIMITS.maxOnboardingSteps} steps.`,
				);
			}
			const nextState = { ...state, [stepId]: updated };
			if (contact) ctx.contacts.setContactOnboarding(contact.id, nextState);
			else ctx.contacts.setVisitorOnboarding(visitor.id, nextState);
		},
	};
}

/** Replaces a step's metadata (`null` clears it; clearing a step never started is a no-op). */
export const setOnboardingMetadata = onboardingCommand(
	"onboarding.setMetadata",
	(current, command) =>
		!current && command.metadata === null
			? null
			: { completed: current?.completed ?? false, metadata: command.metadata },
);

/** Marks a step completed, keeping its metadata. */
export const completeOnboardingStep = onboardingCommand("onboarding.completeStep", (current) => ({
	completed: true,
	metadata: current?.metadata ?? null,
}));
