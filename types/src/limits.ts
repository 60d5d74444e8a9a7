/**
 * Hard caps shared by the server (enforced) and clients (checked before queueing, so a user
 * learns at once that a message is too long instead of after a round trip).
 */
export const LIMITS = {
	/** Characters in one text part. */
	maxTextLength: 10_000,
	/** Parts in one message. */
	maxParts: 10,
	/** Characters in one tag. */
	maxTagLength: 64,
	/** Tags on one conversation. */
	maxTags: 32,
	/** Characters of a conversation title. */
	maxTitleLength: 200,
	/** Default messages accepted with `conversation.start`. */
	maxDefaultMessages: 10,
	/** Characters of a URL in an image / file part. */
	maxUrlLength: 2_048,
	/** Serialized bytes of one command in an outbox. */
	maxCommandBytes: 64 * 1024,
	/** Commands an outbox may hold at once (pending + acknowledged not yet pruned). */
	maxOutboxCommands: 1_000,
	/** Bytes of an outbox document's state on the server (clients prune settled commands). */
	maxOutboxBytes: 4 * 1024 * 1024,
	/** Keys in a metadata object. */
	maxMetadataKeys: 100,
	/** Characters of a metadata string value. */
	maxMetadataStringLength: 1_000,
	/** Onboarding steps stored per visitor or contact. */
	maxOnboardingSteps: 100,
	/** Feature flags one visitor, contact or organization holds. */
	maxFeatureFlags: 100,
} as const;
