// @cossistant/next as Server Components see it (the `react-server` export condition). The
// widget's components and hooks are client references from ./client.ts; `IdentifySupportVisitor`
// is a Server Component that signs the identity with a server-only secret; `createSupport` is
// plain data and `Primitives` a namespace of client references, both usable on the server.
// Types come from ./index.ts (TypeScript does not read this condition).
import type { Primitives as ReactPrimitives } from "@cossistant/react";
import {
	PrimitiveAvatar,
	PrimitiveButton,
	PrimitiveConversationTimeline,
	PrimitiveFileInput,
	PrimitiveMultimodalInput,
	PrimitiveRouter,
	PrimitiveTimelineItem,
	PrimitiveTimelineItemGroup,
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
	Button: PrimitiveButton,
	ConversationTimeline: PrimitiveConversationTimeline,
	FileInput: PrimitiveFileInput,
	MultimodalInput: PrimitiveMultimodalInput,
	Router: PrimitiveRouter,
	TimelineItem: PrimitiveTimelineItem,
	TimelineItemGroup: PrimitiveTimelineItemGroup,
	Trigger: PrimitiveTrigger,
	TypingIndicator: PrimitiveTypingIndicator,
	Window: PrimitiveWindow,
};
