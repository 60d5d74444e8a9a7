// The caps the schemas of this package enforce, one constant each. The schemas use these rather
// than `LIMITS.…`: a bundler can inline a constant, while a read of `LIMITS` keeps the whole
// object (and, at a module's top level, the read itself) in every bundle, the widget's included.
// Only `LIMITS` is public (index.ts).

/** Characters in one text part. */
export const MAX_TEXT_LENGTH = 10_000;
/** Parts in one message. */
export const MAX_PARTS = 10;
/** Characters in one tag. */
export const MAX_TAG_LENGTH = 64;
/** Tags on one conversation. */
export const MAX_TAGS = 32;
/** Characters of a conversation title. */
export const MAX_TITLE_LENGTH = 200;
/** Default messages accepted with `conversation.start`. */
export const MAX_DEFAULT_MESSAGES = 10;
/** Characters of a URL in an image / file part. */
export const MAX_URL_LENGTH = 2_048;
/** Keys in a metadata object. */
export const MAX_METADATA_KEYS = 100;
/** Characters of a metadata string value. */
export const MAX_METADATA_STRING_LENGTH = 1_000;

/**
 * Hard caps shared by the server (enforced) and clients (checked before queueing, so a user
 * learns at once that a message is too long instead of after a round trip).
 */
export const LIMITS = {
	/** Characters in one text part. */
	maxTextLength: MAX_TEXT_LENGTH,
	/** Parts in one message. */
	maxParts: MAX_PARTS,
	/** Characters in one tag. */
	maxTagLength: MAX_TAG_LENGTH,
	/** Tags on one conversation. */
	maxTags: MAX_TAGS,
	/** Characters of a conversation title. */
	maxTitleLength: MAX_TITLE_LENGTH,
	/** Default messages accepted with `conversation.start`. */
	maxDefaultMessages: MAX_DEFAULT_MESSAGES,
	/** Characters of a URL in an image / file part. */
	maxUrlLength: MAX_URL_LENGTH,
	/** Serialized bytes of one command in an outbox. */
	maxCommandBytes: 64 * 1024,
	/** Commands an outbox may hold at once (pending + acknowledged not yet pruned). */
	maxOutboxCommands: 1_000,
	/** Bytes of an outbox document's state on the server (clients prune settled commands). */
	maxOutboxBytes: 4 * 1024 * 1024,
	/** Keys in a metadata object. */
	maxMetadataKeys: MAX_METADATA_KEYS,
	/** Characters of a metadata string value. */
	maxMetadataStringLength: MAX_METADATA_STRING_LENGTH,
	/** Onboarding steps stored per visitor or contact. */
	maxOnboardingSteps: 100,
	/** Feature flags one visitor, contact or organization holds. */
	maxFeatureFlags: 100,
} as const;
