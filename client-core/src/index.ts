export {
	CossistantClient,
	type CossistantClientOptions,
	type StartConversationOptions,
	type VisitorState,
} from "./client.ts";
export { ContactsApi } from "./contacts/contacts-api.ts";
export { hashMetadata } from "./contacts/metadata-hash.ts";
export {
	ConversationList,
	type ConversationListState,
	type ConversationSummary,
} from "./conversations/conversation-list.ts";
export { ConversationView, type ConversationViewState } from "./conversations/conversation-view.ts";
export {
	buildTimelineView,
	countUnread,
	type DeliveryState,
	type TimelineItemView,
} from "./conversations/timeline-view.ts";
export {
	activeTypers,
	TYPING_TTL_MS,
	type Typer,
	type TypingState,
} from "./conversations/typing.ts";
export {
	CONFIGURATION_ERROR_CODES,
	type ConfigurationErrorCode,
	CossistantApiError,
	CossistantConfigurationError,
} from "./errors.ts";
export * from "./events/support-events.ts";
export { RestClient } from "./http/rest-client.ts";
export {
	Outbox,
	type OutboxEntry,
	type OutboxEntryState,
	type OutboxState,
} from "./outbox/outbox.ts";
export {
	indexedDbOutboxPersistence,
	memoryOutboxPersistence,
	type OutboxPersistence,
	type PendingCommandRecord,
} from "./outbox/outbox-persistence.ts";
export type { ClientEnvironment } from "./platform/environment.ts";
export {
	defaultKeyValueStore,
	type KeyValueStore,
	memoryKeyValueStore,
} from "./platform/key-value-store.ts";
export { SupportApi } from "./support/support-api.ts";
export { SupportStateStore, type SupportStateView } from "./support/support-state-store.ts";
export {
	createSupport,
	type FeatureFlagName,
	type OnboardingMetadataOf,
	type OnboardingStepId,
	type SupportConfig,
	type SupportOnboardingMetadata,
	type SupportRegister,
} from "./support-config.ts";
export { type DocCache, indexedDbDocCache, memoryDocCache } from "./sync/doc-cache.ts";
export { preloadConversation } from "./sync/preload-conversation.ts";
export {
	type ConnectionState,
	type ConnectionStatus,
	SyncConnection,
} from "./sync/sync-connection.ts";
export { serverUrl, withServerUrls } from "./uploads/server-url.ts";
export {
	type UploadContext,
	type UploadedPart,
	type UploadFileOptions,
	uploadFile,
} from "./uploads/upload-file.ts";
export type { UploadProgress } from "./uploads/upload-transport.ts";
