"use client";

// `@cossistant/next/support`: the widget's hooks, text and event types, as the docs import them
// (`useSupportEvents`, `useSupportEventEmitter`, `useSupportHandle`, `useSupportText`, `Text`,
// the event types). One client module for both environments: from a Server Component these are
// client references.
export type {
	ConversationEndEvent,
	ConversationStartEvent,
	ErrorEvent,
	MessageReceivedEvent,
	MessageSentEvent,
	SupportEvent,
	SupportEventCallbacks,
	SupportEventType,
	SupportHandle,
	SupportLocale,
	SupportTextContentOverrides,
	SupportTextKey,
	TextProps,
} from "@cossistant/react/support";
export {
	Support,
	Text,
	useSupportConfig,
	useSupportEventEmitter,
	useSupportEvents,
	useSupportHandle,
	useSupportNavigation,
	useSupportText,
} from "@cossistant/react/support";
