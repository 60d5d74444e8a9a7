// Primitives: TriggerRenderProps as the docs declare it, checked against the package's both ways.
import type { TriggerRenderProps as PackageTriggerRenderProps } from "@cossistant/next";

type TriggerRenderProps = {
	isOpen: boolean; // Whether the widget is open
	isTyping: boolean; // Whether someone is typing
	unreadCount: number; // Number of unread messages
	toggle: () => void; // Toggle widget open/closed
};

export const documented: TriggerRenderProps = {} as PackageTriggerRenderProps;
export const packaged: PackageTriggerRenderProps = {} as TriggerRenderProps;
