import * as v from "valibot";
import { conversationPrioritySchema, conversationStatusSchema } from "./conversation.ts";
import { joinEntries } from "./entries.ts";
import { idSchema } from "./ids.ts";
import { MAX_DEFAULT_MESSAGES, MAX_TAG_LENGTH, MAX_TITLE_LENGTH } from "./limits.ts";
import { visitorMetadataSchema } from "./metadata.ts";
import {
	contactChangesShape,
	directoryNameSchema,
	externalIdSchema,
	organizationChangesShape,
} from "./rest-directory.ts";
import { defaultMessageSchema } from "./sender.ts";
import {
	featureFlagMutationSchema,
	identifiedByExternalIdOrEmail,
	identifyParamsShape,
	onboardingMetadataSchema,
	supportNameSchema,
} from "./support-state.ts";
import { messagePartsSchema } from "./timeline.ts";

/**
 * Commands: the one way anything changes. A client writes a command into its outbox document;
 * the server validates, authorises, applies it exactly once (by `id`) and writes the result back.
 */
const envelope = {
	/** Globally unique, client-generated (UUIDv7 / ULID): the idempotency key. */
	id: idSchema,
	/** Client time the user acted (informational; items carry server time). */
	clientTime: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
};

const conversationRef = { conversationId: idSchema };

/** A conversation tag: what the tag commands and `PATCH /v1/conversations/:id` accept. */
export const conversationTagSchema = v.pipe(
	v.string(),
	v.trim(),
	v.minLength(1),
	v.maxLength(MAX_TAG_LENGTH),
	v.regex(/^[^\p{C}]+$/u, "must not contain control characters"),
);

export const startConversationCommandSchema = v.object(
	joinEntries(envelope, conversationRef, {
		type: v.literal("conversation.start"),
		title: v.optional(v.pipe(v.string(), v.maxLength(MAX_TITLE_LENGTH))),
		/** Welcome messages shown before the conversation existed; stored as its first items. */
		defaultMessages: v.optional(
			v.pipe(v.array(defaultMessageSchema), v.maxLength(MAX_DEFAULT_MESSAGES)),
		),
		/** The visitor's first message, sent atomically with the start. */
		initialMessage: v.optional(v.object({ itemId: idSchema, parts: messagePartsSchema })),
	}),
);

export const sendMessageCommandSchema = v.object(
	joinEntries(envelope, conversationRef, {
		type: v.literal("message.send"),
		itemId: idSchema,
		parts: messagePartsSchema,
	}),
);

export const markSeenCommandSchema = v.object(
	joinEntries(envelope, conversationRef, {
		type: v.literal("conversation.markSeen"),
	}),
);

export const addNoteCommandSchema = v.object(
	joinEntries(envelope, conversationRef, {
		type: v.literal("note.add"),
		itemId: idSchema,
		parts: messagePartsSchema,
	}),
);

export const setStatusCommandSchema = v.object(
	joinEntries(envelope, conversationRef, {
		type: v.literal("conversation.setStatus"),
		status: conversationStatusSchema,
	}),
);

export const setPriorityCommandSchema = v.object(
	joinEntries(envelope, conversationRef, {
		type: v.literal("conversation.setPriority"),
		priority: conversationPrioritySchema,
	}),
);

export const addTagCommandSchema = v.object(
	joinEntries(envelope, conversationRef, {
		type: v.literal("conversation.addTag"),
		tag: conversationTagSchema,
	}),
);

export const removeTagCommandSchema = v.object(
	joinEntries(envelope, conversationRef, {
		type: v.literal("conversation.removeTag"),
		tag: conversationTagSchema,
	}),
);

export const joinConversationCommandSchema = v.object(
	joinEntries(envelope, conversationRef, {
		type: v.literal("conversation.join"),
	}),
);

export const leaveConversationCommandSchema = v.object(
	joinEntries(envelope, conversationRef, {
		type: v.literal("conversation.leave"),
	}),
);

/** An agent assigns the conversation to an agent of its website; emits `assigned`. */
export const assignConversationCommandSchema = v.object(
	joinEntries(envelope, conversationRef, {
		type: v.literal("conversation.assign"),
		userId: idSchema,
	}),
);

/** Removes an assignee; emits `unassigned`. Removing someone not assigned is a no-op. */
export const unassignConversationCommandSchema = v.object(
	joinEntries(envelope, conversationRef, {
		type: v.literal("conversation.unassign"),
		userId: idSchema,
	}),
);

const visitorBlockFields = {
	visitorId: idSchema,
	/** Where the `visitor_blocked` / `visitor_unblocked` event item goes (one of the visitor's). */
	conversationId: v.optional(idSchema),
};

/** An agent blocks a visitor: it can send nothing and open nothing until unblocked. */
export const blockVisitorCommandSchema = v.object(
	joinEntries(envelope, visitorBlockFields, {
		type: v.literal("visitor.block"),
	}),
);

/** An agent lifts a visitor's block. */
export const unblockVisitorCommandSchema = v.object(
	joinEntries(envelope, visitorBlockFields, {
		type: v.literal("visitor.unblock"),
	}),
);

/** An identified visitor updates its contact's metadata (primitives only; unchanged = no write). */
export const setContactMetadataCommandSchema = v.object(
	joinEntries(envelope, {
		type: v.literal("contact.setMetadata"),
		metadata: visitorMetadataSchema,
	}),
);

/**
 * A visitor links itself to a contact by externalId and/or email (`POST /v1/contacts/identify`
 * submits it too). With any key, attaching to an existing contact needs `signature`
 * (`identity_verification_failed` otherwise; docs/security.md, "Identity verification").
 */
export const identifyContactCommandSchema = v.pipe(
	v.object(joinEntries(envelope, { type: v.literal("contact.identify") }, identifyParamsShape)),
	identifiedByExternalIdOrEmail(),
);

/** A backend (private key) or an agent adds, removes or sets feature flags of one target. */
export const mutateFeatureFlagsCommandSchema = v.object(
	joinEntries(envelope, { type: v.literal("featureFlags.mutate") }, featureFlagMutationSchema),
);

/** Replaces the metadata of one onboarding step (`null` clears it). */
export const setOnboardingMetadataCommandSchema = v.object(
	joinEntries(envelope, {
		type: v.literal("onboarding.setMetadata"),
		stepId: supportNameSchema,
		metadata: v.nullable(onboardingMetadataSchema),
	}),
);

/** Marks one onboarding step completed (completing it again is a no-op). */
export const completeOnboardingStepCommandSchema = v.object(
	joinEntries(envelope, {
		type: v.literal("onboarding.completeStep"),
		stepId: supportNameSchema,
	}),
);

/**
 * An agent or a backend opens a conversation for an existing visitor of its website
 * (`POST /v1/conversations`), optionally with a first public message of the team.
 */
export const createConversationCommandSchema = v.object(
	joinEntries(envelope, conversationRef, {
		type: v.literal("conversation.create"),
		visitorId: idSchema,
		title: v.optional(v.pipe(v.string(), v.maxLength(MAX_TITLE_LENGTH))),
		initialMessage: v.optional(v.object({ itemId: idSchema, parts: messagePartsSchema })),
	}),
);

/**
 * An agent or a backend changes a contact (`PATCH /v1/contacts/:id`): name, email, image,
 * metadata (unchanged hash = no write) and organization. Every device of the contact sees the
 * new PublicContact and support state in its `profile`.
 */
export const updateContactCommandSchema = v.object(
	joinEntries(
		envelope,
		{ type: v.literal("contact.update"), contactId: idSchema },
		contactChangesShape,
	),
);

/** An agent or a backend creates a contact organization of a website. */
export const createOrganizationCommandSchema = v.object(
	joinEntries(envelope, {
		type: v.literal("organization.create"),
		organizationId: idSchema,
		websiteId: idSchema,
		name: directoryNameSchema,
		externalId: v.optional(externalIdSchema),
		metadata: v.optional(visitorMetadataSchema),
	}),
);

/** An agent or a backend renames an organization or changes its externalId or metadata. */
export const updateOrganizationCommandSchema = v.object(
	joinEntries(
		envelope,
		{ type: v.literal("organization.update"), organizationId: idSchema },
		organizationChangesShape,
	),
);

/** Every command the pipeline knows. */
export const commandSchema = v.variant("type", [
	startConversationCommandSchema,
	sendMessageCommandSchema,
	markSeenCommandSchema,
	addNoteCommandSchema,
	setStatusCommandSchema,
	setPriorityCommandSchema,
	addTagCommandSchema,
	removeTagCommandSchema,
	joinConversationCommandSchema,
	leaveConversationCommandSchema,
	assignConversationCommandSchema,
	unassignConversationCommandSchema,
	blockVisitorCommandSchema,
	unblockVisitorCommandSchema,
	setContactMetadataCommandSchema,
	identifyContactCommandSchema,
	mutateFeatureFlagsCommandSchema,
	setOnboardingMetadataCommandSchema,
	completeOnboardingStepCommandSchema,
	createConversationCommandSchema,
	updateContactCommandSchema,
	createOrganizationCommandSchema,
	updateOrganizationCommandSchema,
]);

export type Command = v.InferOutput<typeof commandSchema>;
export type CommandType = Command["type"];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
export type StartConversationCommand = CommandOf<"conversation.start">;
export type SendMessageCommand = CommandOf<"message.send">;

/** Command types only agents (users, AI agents, private-key backends) may issue. */
export const AGENT_ONLY_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>([
	"note.add",
	"conversation.setStatus",
	"conversation.setPriority",
	"conversation.addTag",
	"conversation.removeTag",
	"conversation.join",
	"conversation.leave",
	"conversation.assign",
	"conversation.unassign",
	"visitor.block",
	"visitor.unblock",
	"featureFlags.mutate",
	"conversation.create",
	"contact.update",
	"organization.create",
	"organization.update",
]);

/** Command types a visitor may issue. */
export const VISITOR_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>([
	"conversation.start",
	"message.send",
	"conversation.markSeen",
	"contact.setMetadata",
	"contact.identify",
	"onboarding.setMetadata",
	"onboarding.completeStep",
]);
