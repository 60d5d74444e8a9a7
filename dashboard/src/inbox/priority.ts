import type { ConversationPriority } from "@cossistant/types";

/** Priorities from the most pressing down, as menus list them. */
export const PRIORITIES: readonly ConversationPriority[] = ["urgent", "high", "medium", "low"];

export const PRIORITY_LABEL: Record<ConversationPriority, string> = {
	urgent: "Urgent",
	high: "High",
	medium: "Medium",
	low: "Low",
};

/** How a row marks a priority; medium, the default, is not marked. */
export const PRIORITY_BADGE: Record<
	ConversationPriority,
	{ label: string; variant: "danger" | "warning" | "outline" } | null
> = {
	urgent: { label: "Urgent", variant: "danger" },
	high: { label: "High", variant: "warning" },
	medium: null,
	low: { label: "Low", variant: "outline" },
};
