import {
	LIMITS,
	type OnboardingStepState,
	onboardingStepStateSchema,
	type PublicContact,
	type PublicVisitor,
	type SupportState,
	supportNameSchema,
	type VisitorMetadata,
} from "@cossistant/types";
import * as v from "valibot";
import type {
	ContactOrganization,
	Contact as ContactRow,
	Visitor as VisitorRow,
} from "../generated/prisma/client.ts";

/** The visitor fields the support state and the public visitor are built from. */
export type SupportVisitor = Pick<
	VisitorRow,
	| "id"
	| "websiteId"
	| "contactId"
	| "language"
	| "timezone"
	| "isBlocked"
	| "featureFlags"
	| "onboarding"
>;

/** The contact fields the support state and the public contact are built from. */
export type SupportContact = Pick<
	ContactRow,
	| "id"
	| "websiteId"
	| "externalId"
	| "email"
	| "name"
	| "image"
	| "metadata"
	| "metadataHash"
	| "featureFlags"
	| "onboarding"
	| "organizationId"
	| "identityVerified"
>;

/** The organization fields that matter to support state: its flags. */
export type SupportOrganization = Pick<ContactOrganization, "id" | "websiteId" | "featureFlags">;

/** Onboarding progress by step id. */
export type OnboardingState = Record<string, OnboardingStepState>;

/**
 * Reads an onboarding JSON column. Entries that are not `{ completed, metadata }` under a valid
 * step id are dropped rather than trusted: the column is JSON, so a bad row (or a manual edit)
 * must never reach a widget as something the typed client cannot parse.
 */
export function parseOnboarding(json: unknown): OnboardingState {
	const state: OnboardingState = {};
	if (!json || typeof json !== "object" || Array.isArray(json)) return state;
	for (const [stepId, value] of Object.entries(json)) {
		if (!v.safeParse(supportNameSchema, stepId).success) continue;
		const step = v.safeParse(onboardingStepStateSchema, value);
		if (step.success) state[stepId] = step.output;
	}
	return state;
}

/** True when any step has progress (the copy-on-identify rule asks "has the contact none?"). */
export function hasOnboarding(state: OnboardingState): boolean {
	return Object.keys(state).length > 0;
}

/**
 * The support state a widget sees (docs: Support State): a flag is enabled when the visitor, its
 * contact or the contact's organization has it; onboarding is the contact's once identified
 * (the contact's state wins), else the visitor's.
 */
export function effectiveSupportState(
	visitor: SupportVisitor,
	contact: SupportContact | null,
	organization: SupportOrganization | null,
): SupportState {
	const flags = new Set([
		...visitor.featureFlags,
		...(contact?.featureFlags ?? []),
		...(organization?.featureFlags ?? []),
	]);
	return {
		featureFlags: [...flags].sort(),
		onboarding: parseOnboarding(contact ? contact.onboarding : visitor.onboarding),
	};
}

/** The contact as the widget sees it (docs: Types → PublicContact). */
export function toPublicContact(
	contact: Pick<SupportContact, "id" | "externalId" | "email" | "name" | "image" | "metadata">,
): PublicContact {
	return {
		id: contact.id,
		externalId: contact.externalId,
		email: contact.email,
		name: contact.name,
		image: contact.image,
		metadata: (contact.metadata ?? {}) as VisitorMetadata,
	};
}

/** The visitor as the widget sees it (docs: Types → PublicVisitor). */
export function toPublicVisitor(
	visitor: Pick<SupportVisitor, "id" | "language" | "timezone" | "isBlocked">,
	contact: Parameters<typeof toPublicContact>[0] | null,
): PublicVisitor {
	return {
		id: visitor.id,
		language: visitor.language,
		timezone: visitor.timezone,
		isBlocked: visitor.isBlocked,
		contact: contact ? toPublicContact(contact) : null,
	};
}

/**
 * Applies a feature flag mutation: `add` keeps the current flags and adds the new ones, `remove`
 * drops the given ones, `set` replaces all. The result is deduplicated and sorted, so an
 * unchanged set compares equal and writes nothing.
 */
export function applyFlagOperation(
	current: readonly string[],
	operation: "add" | "remove" | "set",
	flags: readonly string[],
): string[] {
	let next: Set<string>;
	if (operation === "set") next = new Set(flags);
	else if (operation === "add") next = new Set([...current, ...flags]);
	else {
		const removed = new Set(flags);
		next = new Set(current.filter((flag) => !removed.has(flag)));
	}
	return [...next].sort();
}

/** Whether two flag lists hold the same flags (order-insensitive). */
export function sameFlags(a: readonly string[], b: readonly string[]): boolean {
	if (a.length !== b.length) return false;
	const set = new Set(a);
	return b.every((flag) => set.has(flag));
}

/** Most flags one visitor, contact or organization may hold. */
export const MAX_FLAGS_PER_TARGET = LIMITS.maxFeatureFlags;
