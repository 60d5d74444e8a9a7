// The headless building blocks of the widget (docs: Primitives): unstyled, accessible,
// composable. Import as a namespace: `import { Primitives } from "@cossistant/react"`.
export { Avatar, type AvatarProps } from "./avatar.tsx";
export { Button, type ButtonPrimitiveProps } from "./button.tsx";
export { ConversationTimeline, type ConversationTimelineProps } from "./conversation-timeline.tsx";
export { FileInput, type FileInputProps, type FileInputRenderProps } from "./file-input.tsx";
export { MultimodalInput, type MultimodalInputProps } from "./multimodal-input.tsx";
export { Router, type RouterPrimitiveProps } from "./router.tsx";
export {
	TimelineItem,
	TimelineItemGroup,
	type TimelineItemGroupProps,
	type TimelineItemProps,
	type TimelineItemRenderProps,
} from "./timeline-item.tsx";
export { Trigger, type TriggerProps } from "./trigger.tsx";
export { TypingIndicator, type TypingIndicatorProps } from "./typing-indicator.tsx";
export { Window, type WindowProps, type WindowRenderProps } from "./window.tsx";
