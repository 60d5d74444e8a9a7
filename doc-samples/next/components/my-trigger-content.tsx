// The app's own trigger content that Customization, level 4 renders (the docs leave it out).
import type { TriggerRenderProps } from "@cossistant/next";

export function MyTriggerContent({ isOpen, unreadCount }: TriggerRenderProps) {
	return (
		<span>
			{isOpen ? "Close chat" : "Chat with us"}
			{unreadCount > 0 ? ` (${unreadCount})` : null}
		</span>
	);
}
