import type { TimelineItemView } from "@cossistant/core";

/** Who wrote a message, as the timeline groups it. */
export type SenderKey = `visitor:${string}` | `user:${string}` | `ai:${string}` | "team";

/** A row of the rendered timeline. */
export type TimelineRow =
	| { type: "day"; key: string; date: Date }
	| { type: "group"; key: string; sender: SenderKey; mine: boolean; items: TimelineItemView[] }
	| { type: "event"; key: string; item: TimelineItemView };

/** The sender of a message item. */
export function senderOf(item: TimelineItemView): SenderKey {
	if (item.visitorId) return `visitor:${item.visitorId}`;
	if (item.userId) return `user:${item.userId}`;
	if (item.aiAgentId) return `ai:${item.aiAgentId}`;
	return "team";
}

function dayKey(date: Date): string {
	return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/**
 * Groups consecutive messages of one sender, puts event items on their own rows and a day
 * separator before the first item of each day. Welcome messages (`default:` ids) carry no date.
 */
export function groupTimeline(
	items: readonly TimelineItemView[],
	visitorId: string | null,
): TimelineRow[] {
	const rows: TimelineRow[] = [];
	let day: string | null = null;
	for (const item of items) {
		if (!item.id.startsWith("default:")) {
			const date = new Date(item.createdAt);
			const key = dayKey(date);
			if (key !== day) {
				day = key;
				rows.push({ type: "day", key: `day:${key}`, date });
			}
		}
		if (item.type === "event") {
			rows.push({ type: "event", key: item.id, item });
			continue;
		}
		const sender = senderOf(item);
		const previous = rows.at(-1);
		if (previous?.type === "group" && previous.sender === sender) {
			previous.items.push(item);
			continue;
		}
		rows.push({
			type: "group",
			key: `group:${item.id}`,
			sender,
			mine: visitorId !== null && item.visitorId === visitorId,
			items: [item],
		});
	}
	return rows;
}
