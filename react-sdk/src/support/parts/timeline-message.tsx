import type { TimelineItemView } from "@cossistant/core";
import type { TimelinePart } from "@cossistant/types";
import { safeHref } from "../../utils/linkify.ts";
import { DeliveryStatus } from "./delivery-status.tsx";
import { MessageText } from "./message-text.tsx";

/** One message: its parts (text, images, files) and, for the visitor's own, delivery state. */
export function TimelineMessage({ item, mine }: { item: TimelineItemView; mine: boolean }) {
	return (
		<div
			className="co-message"
			data-sender={mine ? "visitor" : "agent"}
			data-pending={item.pending || undefined}
			data-testid="co-message"
		>
			<div className="co-message-bubble">
				{item.parts.map((part, index) => (
					// biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable item
					<MessagePart key={index} part={part} />
				))}
			</div>
			{mine ? <DeliveryStatus item={item} /> : null}
		</div>
	);
}

function MessagePart({ part }: { part: TimelinePart }) {
	switch (part.type) {
		case "text":
			return <MessageText text={part.text} />;
		case "image": {
			const src = safeHref(part.url);
			return src ? (
				<img
					className="co-message-image"
					src={src}
					alt={part.name ?? ""}
					width={part.width}
					height={part.height}
					loading="lazy"
				/>
			) : null;
		}
		case "file": {
			const href = safeHref(part.url);
			return href ? (
				<a
					className="co-message-file"
					href={href}
					target="_blank"
					rel="noopener noreferrer"
					download={part.name}
				>
					{part.name}
				</a>
			) : null;
		}
		default:
			return null;
	}
}
