import type { TimelineItemView } from "@cossistant/core";
import { FileAttachment, ImageAttachment } from "./attachments.tsx";
import { DeliveryStatus } from "./delivery-status.tsx";
import { MessageText } from "./message-text.tsx";

/**
 * One message: its text in a bubble as wide as the text needs, its images as thumbnails and its
 * files as chips under it, and for the visitor's own, the delivery state. `isNew` marks a
 * message that arrived while the timeline was shown (it animates in).
 */
export function TimelineMessage({
	item,
	mine,
	isNew,
}: {
	item: TimelineItemView;
	mine: boolean;
	isNew?: boolean;
}) {
	const texts = item.parts.flatMap((part) => (part.type === "text" ? [part] : []));
	return (
		<div
			className="co-message"
			data-sender={mine ? "visitor" : "agent"}
			data-pending={item.pending || undefined}
			data-new={isNew || undefined}
			data-testid="co-message"
		>
			{texts.length > 0 ? (
				<div className="co-message-bubble">
					{texts.map((part, index) => (
						// biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable item
						<MessageText key={index} text={part.text} />
					))}
				</div>
			) : null}
			{item.parts.map((part, index) =>
				part.type === "image" ? (
					// biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable item
					<ImageAttachment key={index} part={part} />
				) : part.type === "file" ? (
					// biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable item
					<FileAttachment key={index} part={part} />
				) : null,
			)}
			{mine ? <DeliveryStatus item={item} /> : null}
		</div>
	);
}
