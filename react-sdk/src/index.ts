"use client";
// Components and hooks for the browser: a React Server Component that imports the widget
// gets client references (the directive is kept in the published build).

// @cossistant/react: SupportProvider, <Support />, hooks and the widget's building blocks.
export type {
	ConversationEndEvent,
	ConversationStartEvent,
	CossistantClient,
	ErrorEvent,
	FeatureFlagName,
	MessageReceivedEvent,
	MessageSentEvent,
	OnboardingStepId,
	SupportEvent,
	SupportEventCallbacks,
	SupportEventType,
	TimelineItemView,
} from "@cossistant/core";
// From the dependency-free subpath, so importing the widget does not pull the client into the
// bundle's first chunk (the client loads lazily: provider/client-module.ts).
export { createSupport } from "@cossistant/core/support-config";
export type {
	AIAgent,
	Conversation,
	DefaultMessage,
	HumanAgent,
	IdentifyParams,
	PublicContact,
	PublicVisitor,
	PublicWebsiteResponse,
	SenderType,
	TimelineItem,
	VisitorMetadata,
} from "@cossistant/types";
export { type UseConversationResult, useConversation } from "./hooks/use-conversation.ts";
export type {
	MessageComposer,
	UseConversationPageOptions,
	UseConversationPageResult,
} from "./hooks/use-conversation-page.ts";
export { type UseConversationsResult, useConversations } from "./hooks/use-conversations.ts";
export { useFeatureFlag } from "./hooks/use-feature-flag.ts";
export type { UseFileUploadResult } from "./hooks/use-file-upload.ts";
export type { UseHomePageOptions, UseHomePageResult } from "./hooks/use-home-page.ts";
export type {
	UseMessageComposerOptions,
	UseMessageComposerResult,
} from "./hooks/use-message-composer.ts";
export { type UseOnboardingResult, useOnboarding } from "./hooks/use-onboarding.ts";
export { type UseSupportResult, useSupport } from "./hooks/use-support.ts";
export { type UseSupportConfigResult, useSupportConfig } from "./hooks/use-support-config.ts";
export {
	type SupportEventEmitterApi,
	useSupportEventEmitter,
	useSupportEvents,
} from "./hooks/use-support-events.ts";
export { useSupportHandle } from "./hooks/use-support-handle.ts";
export {
	type UseSupportNavigationResult,
	useSupportNavigation,
} from "./hooks/use-support-navigation.ts";
export { type UseVisitorResult, useVisitor } from "./hooks/use-visitor.ts";
// The default pages' hooks and parts the package exports, through constants (see page-parts.ts).
export {
	Button,
	groupTimeline,
	Header,
	useConversationPage,
	useFileUpload,
	useHomePage,
	useMessageComposer,
} from "./page-parts.ts";
export * as Primitives from "./primitives/index.ts";
export { SupportProvider, type SupportProviderProps } from "./provider/support-provider.tsx";
export type { ContentProps } from "./support/content.tsx";
export {
	IdentifySupportVisitor,
	type IdentifySupportVisitorProps,
} from "./support/identify-support-visitor.tsx";
export {
	Support,
	SupportContent,
	SupportPage,
	SupportRoot,
	SupportRouter,
	SupportTrigger,
} from "./support/index.ts";
export type { PageProps } from "./support/page-route.tsx";
export type { ButtonProps } from "./support/parts/button.tsx";
export type { HeaderProps } from "./support/parts/header.tsx";
export type { SupportRootProps } from "./support/root.tsx";
export type { RouterProps } from "./support/router.tsx";
export type { SupportProps } from "./support/support.tsx";
export { SupportConfig, type SupportConfigProps } from "./support/support-config.tsx";
export type { SupportTriggerProps, TriggerRenderProps } from "./support/trigger.tsx";
export { SupportTextProvider, Text, type TextProps, useSupportText } from "./text/text-context.tsx";
export type {
	SupportLocale,
	SupportTextContentOverrides,
	SupportTextFormatter,
	SupportTextKey,
	TextArgs,
	TextVariablesOf,
} from "./text/text-runtime.ts";
export type { TextContext, TextFormatter, TextVariables } from "./text/text-types.ts";
export type { TextUtils } from "./text/text-utils.ts";
export type { Align, CollisionPadding, Side } from "./utils/position.ts";
export type { TimelineRow } from "./utils/timeline-groups.ts";
export type { CustomPage, PageComponentProps } from "./widget/custom-page.ts";
export {
	type NavigationState,
	PENDING_CONVERSATION_ID,
	type RouteParams,
	type RouteRegistry,
	type SupportPageName,
} from "./widget/routes.ts";
export type { SupportHandle } from "./widget/support-handle.ts";
