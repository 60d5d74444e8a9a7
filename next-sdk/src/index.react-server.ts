// @cossistant/next as Server Components see it (the `react-server` export condition). The
// widget's components and hooks are client references from ./client.ts; `IdentifySupportVisitor`
// is a Server Component that signs the identity with a server-only secret; `createSupport` is
// plain data and `Primitives` a namespace of client references, both usable on the server.
// Types come from ./index.ts (TypeScript does not read this condition).
import type { Primitives as ReactPrimitives } from "@cossistant/react";
import {
	PrimitiveAvatar,
	PrimitiveAvatarFallback,
	PrimitiveAvatarImage,
	PrimitiveButton,
	PrimitiveConfig,
	PrimitiveConversationTimeline,
	PrimitiveConversationTimelineContainer,
	PrimitiveConversationTimelineEmpty,
	PrimitiveConversationTimelineLoading,
	PrimitiveFileInput,
	PrimitiveMultimodalInput,
	PrimitiveRouter,
	PrimitiveTimelineItem,
	PrimitiveTimelineItemContent,
	PrimitiveTimelineItemGroup,
	PrimitiveTimelineItemGroupAvatar,
	PrimitiveTimelineItemGroupContent,
	PrimitiveTimelineItemGroupHeader,
	PrimitiveTimelineItemTimestamp,
	PrimitiveTrigger,
	PrimitiveTypingIndicator,
	PrimitiveWindow,
} from "./client.ts";

export { createSupport } from "@cossistant/core/support-config";
export {
	Button,
	groupTimeline,
	Header,
	PENDING_CONVERSATION_ID,
	Support,
	SupportConfig,
	SupportProvider,
	SupportTextProvider,
	Text,
	useConversation,
	useConversationPage,
	useConversations,
	useFeatureFlag,
	useFileUpload,
	useHomePage,
	useMessageComposer,
	useOnboarding,
	useSupport,
	useSupportConfig,
	useSupportEventEmitter,
	useSupportEvents,
	useSupportHandle,
	useSupportNavigation,
	useSupportText,
	useVisitor,
} from "./client.ts";
export { IdentifySupportVisitor } from "./server/identify-support-visitor.tsx";

/** The headless building blocks, as client references a Server Component may render. */
export const Primitives: typeof ReactPrimitives = {
	Avatar: PrimitiveAvatar,
	AvatarFallback: PrimitiveAvatarFallback,
	AvatarImage: PrimitiveAvatarImage,
	Button: PrimitiveButton,
	Config: PrimitiveConfig,
	ConversationTimeline: PrimitiveConversationTimeline,
	ConversationTimelineContainer: PrimitiveConversationTimelineContainer,
	ConversationTimelineEmpty: PrimitiveConversationTimelineEmpty,
	ConversationTimelineLoading: PrimitiveConversationTimelineLoading,
	FileInput: PrimitiveFileInput,
	MultimodalInput: PrimitiveMultimodalInput,
	Router: PrimitiveRouter,
	TimelineItem: PrimitiveTimelineItem,
	TimelineItemContent: PrimitiveTimelineItemContent,
	TimelineItemGroup: PrimitiveTimelineItemGroup,
	TimelineItemGroupAvatar: PrimitiveTimelineItemGroupAvatar,
	TimelineItemGroupContent: PrimitiveTimelineItemGroupContent,
	TimelineItemGroupHeader: PrimitiveTimelineItemGroupHeader,
	TimelineItemTimestamp: PrimitiveTimelineItemTimestamp,
	Trigger: PrimitiveTrigger,
	TypingIndicator: PrimitiveTypingIndicator,
	Window: PrimitiveWindow,
};
