"use client";

// The client boundary of `@cossistant/next` under the `react-server` condition: every runtime
// export of `@cossistant/react` by name. A Server Component that imports them receives client
// references, so `<Support />`, `<SupportProvider>` and `<SupportConfig>` render from server
// layouts and pages. Named re-exports only: Next.js cannot enumerate `export *` across a
// "use client" boundary.
import { Primitives } from "@cossistant/react";

export {
	Button,
	groupTimeline,
	Header,
	IdentifySupportVisitor,
	PENDING_CONVERSATION_ID,
	Support,
	SupportConfig,
	SupportContent,
	SupportPage,
	SupportRoot,
	SupportRouter,
	SupportTextProvider,
	SupportTrigger,
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
} from "@cossistant/react";
export { SupportProvider } from "./provider/support-provider.tsx";

// The primitives one by one, so the server entry can assemble a `Primitives` namespace of client
// references (a Server Component cannot "dot into" a client reference such as `Primitives.Window`).
export const PrimitiveAvatar = Primitives.Avatar;
export const PrimitiveAvatarFallback = Primitives.AvatarFallback;
export const PrimitiveAvatarImage = Primitives.AvatarImage;
export const PrimitiveButton = Primitives.Button;
export const PrimitiveConfig = Primitives.Config;
export const PrimitiveConversationTimeline = Primitives.ConversationTimeline;
export const PrimitiveConversationTimelineContainer = Primitives.ConversationTimelineContainer;
export const PrimitiveConversationTimelineEmpty = Primitives.ConversationTimelineEmpty;
export const PrimitiveConversationTimelineLoading = Primitives.ConversationTimelineLoading;
export const PrimitiveFileInput = Primitives.FileInput;
export const PrimitiveMultimodalInput = Primitives.MultimodalInput;
export const PrimitiveRouter = Primitives.Router;
export const PrimitiveTimelineItem = Primitives.TimelineItem;
export const PrimitiveTimelineItemContent = Primitives.TimelineItemContent;
export const PrimitiveTimelineItemGroup = Primitives.TimelineItemGroup;
export const PrimitiveTimelineItemGroupAvatar = Primitives.TimelineItemGroupAvatar;
export const PrimitiveTimelineItemGroupContent = Primitives.TimelineItemGroupContent;
export const PrimitiveTimelineItemGroupHeader = Primitives.TimelineItemGroupHeader;
export const PrimitiveTimelineItemTimestamp = Primitives.TimelineItemTimestamp;
export const PrimitiveTrigger = Primitives.Trigger;
export const PrimitiveTypingIndicator = Primitives.TypingIndicator;
export const PrimitiveWindow = Primitives.Window;
