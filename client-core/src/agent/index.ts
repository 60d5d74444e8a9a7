/**
 * `@cossistant/core/agent`: the framework-free agent client behind the dashboard (sessions,
 * the website's inbox, conversations with internal notes, actions through the durable outbox).
 */
export {
	AgentClient,
	type AgentClientOptions,
	CONVERSATION_SNAPSHOT_PREFIX,
	INBOX_SNAPSHOT_PREFIX,
} from "./agent-client.ts";
export {
	AgentConversation,
	type AgentConversationOptions,
	type AgentConversationState,
} from "./agent-conversation.ts";
export { AgentInbox, type AgentInboxState, type InboxConversation } from "./agent-inbox.ts";
export {
	type AgentRequestInit,
	AgentSession,
	type AgentSessionOptions,
	type AgentSessionState,
	isAdminOf,
	type StoredAgentSession,
} from "./agent-session.ts";
export { applyPendingCommand, lastActivity } from "./optimistic-summary.ts";
export { type ReadMarkerMap, ReadMarkers } from "./read-markers.ts";
export { SnapshotStore } from "./snapshot-store.ts";
