"use client";
// Components and hooks for the browser: a React Server Component that imports these hooks
// gets client references (the directive is kept in the published build).

// `@cossistant/react/support`: the widget's hooks, text and event types (docs import these
// from the `/support` entry); everything here is also exported by the package root.
export type {
	ConversationEndEvent,
	ConversationStartEvent,
	ErrorEvent,
	MessageReceivedEvent,
	MessageSentEvent,
	SupportEvent,
	SupportEventCallbacks,
	SupportEventType,
} from "@cossistant/core";
export { useSupportConfig } from "./hooks/use-support-config.ts";
export { useSupportEventEmitter, useSupportEvents } from "./hooks/use-support-events.ts";
export { useSupportHandle } from "./hooks/use-support-handle.ts";
export { useSupportNavigation } from "./hooks/use-support-navigation.ts";
export { Support } from "./support/index.ts";
export { Text, type TextProps, useSupportText } from "./text/text-context.tsx";
export type {
	SupportLocale,
	SupportTextContentOverrides,
	SupportTextKey,
} from "./text/text-runtime.ts";
export type { SupportHandle } from "./widget/support-handle.ts";
