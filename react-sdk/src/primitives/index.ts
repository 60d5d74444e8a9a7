// The headless building blocks of the widget (docs: Primitives): unstyled, accessible,
// composable. Import as a namespace: `import { Primitives } from "@cossistant/react"`.
export {
	SupportConfig as Config,
	type SupportConfigProps as ConfigProps,
} from "../support/support-config.tsx";
export {
	Avatar,
	AvatarFallback,
	type AvatarFallbackProps,
	AvatarImage,
	type AvatarImageProps,
	type AvatarImageStatus,
	type AvatarProps,
} from "./avatar.tsx";
export { Button, type ButtonPrimitiveProps } from "./button.tsx";
export {
	ConversationTimeline,
	type ConversationTimelineProps,
	type ConversationTimelineRenderProps,
} from "./conversation-timeline.tsx";
export {
	ConversationTimelineContainer,
	type ConversationTimelineContainerProps,
	ConversationTimelineEmpty,
	type ConversationTimelineEmptyProps,
	ConversationTimelineLoading,
	type ConversationTimelineLoadingProps,
} from "./conversation-timeline-parts.tsx";
export {
	FileInput,
	type FileInputProps,
	type FileInputRenderProps,
} from "./file-input.tsx";
export { MultimodalInput, type MultimodalInputProps } from "./multimodal-input.tsx";
export { Router, type RouterPrimitiveProps } from "./router.tsx";
export {
	TimelineItem,
	TimelineItemContent,
	type TimelineItemContentProps,
	type TimelineItemProps,
	type TimelineItemRenderProps,
	TimelineItemTimestamp,
	type TimelineItemTimestampProps,
} from "./timeline-item.tsx";
export {
	TimelineItemGroup,
	TimelineItemGroupAvatar,
	type TimelineItemGroupAvatarProps,
	TimelineItemGroupContent,
	type TimelineItemGroupContentProps,
	TimelineItemGroupHeader,
	type TimelineItemGroupHeaderProps,
	type TimelineItemGroupProps,
} from "./timeline-item-group.tsx";
export { Trigger, type TriggerProps } from "./trigger.tsx";
export {
	TypingIndicator,
	type TypingIndicatorProps,
	type TypingParticipant,
} from "./typing-indicator.tsx";
export { Window, type WindowProps, type WindowRenderProps } from "./window.tsx";
