import type { TimelineItemView } from "@cossistant/core";
import { memo } from "react";
import { fullTime } from "../inbox/relative-time.ts";
import { displayFileName } from "./file-name.ts";
import { MessageText } from "./message-text.tsx";

export interface TimelineEntryProps {
	item: TimelineItemView;
	/** Who wrote it, as shown above the bubble. */
	author: string;
	mine: boolean;
	onRetry: (commandId: string) => void;
	onDiscard: (commandId: string) => void;
}

const DELIVERY_LABELS = { queued: "Queued", sent: "Sent", seen: "Seen", failed: "Failed" } as const;

/** One timeline item: an event as a system line, a message or an internal note as a bubble. */
export const TimelineEntry = memo(function TimelineEntry({
	item,
	author,
	mine,
	onRetry,
	onDiscard,
}: TimelineEntryProps) {
	const time = new Date(item.createdAt).toLocaleTimeString(undefined, {
		hour: "2-digit",
		minute: "2-digit",
	});
	const event = item.parts.find((part) => part.type === "event");
	if (event?.type === "event") {
		return (
			<div className="system-line" data-testid="event-item" data-event={event.eventType}>
				<span>{event.message}</span>
				<time dateTime={item.createdAt} title={fullTime(item.createdAt)}>
					{time}
				</time>
			</div>
		);
	}
	const isNote = item.visibility === "private";
	return (
		<article
			className="message"
			data-testid={isNote ? "internal-note" : "message"}
			data-mine={mine}
			data-note={isNote}
			aria-label={`${isNote ? "Internal note" : "Message"} from ${author}`}
		>
			<header className="message-meta">
				{isNote && <span className="note-label">Internal note</span>}
				<span className="message-author">{author}</span>
				<time dateTime={item.createdAt} title={fullTime(item.createdAt)}>
					{time}
				</time>
			</header>
			<div className="message-body">
				{item.parts.map((part, index) => {
					const key = `${item.id}-${index}`;
					if (part.type === "text") return <MessageText key={key} text={part.text} />;
					if (part.type === "image")
						return (
							<a
								key={key}
								href={part.url}
								target="_blank"
								rel="noopener noreferrer"
								className="image-part"
							>
								<img
									src={part.url}
									alt={displayFileName(part.name) ?? "Image"}
									loading="lazy"
									width={part.width}
									height={part.height}
								/>
							</a>
						);
					if (part.type === "file")
						return (
							<a
								key={key}
								href={part.url}
								className="file-part"
								rel="noopener noreferrer"
								download={displayFileName(part.name)}
							>
								📎 {displayFileName(part.name)}{" "}
								<span className="muted">({formatSize(part.size)})</span>
							</a>
						);
					return null;
				})}
			</div>
			{mine && item.delivery && (
				<footer className="delivery" data-testid="delivery" data-state={item.delivery}>
					<span>{DELIVERY_LABELS[item.delivery]}</span>
					{item.delivery === "failed" && (
						<>
							<span className="muted"> · {item.failure?.reason ?? "Refused by the server"}</span>
							{item.commandId && (
								<>
									<button
										type="button"
										className="link-button"
										onClick={() => onRetry(item.commandId ?? "")}
									>
										Retry
									</button>
									<button
										type="button"
										className="link-button"
										onClick={() => onDiscard(item.commandId ?? "")}
									>
										Discard
									</button>
								</>
							)}
						</>
					)}
				</footer>
			)}
		</article>
	);
});

function formatSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
