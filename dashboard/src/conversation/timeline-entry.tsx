import type { TimelineItemView } from "@cossistant/core";
import { Check, CheckCheck, Clock, Lock, Paperclip, TriangleExclamationPoint } from "lucide-react";
import { memo } from "react";
import { Avatar } from "../ui/avatar.tsx";
import { cn } from "../ui/cn.ts";
import { clockTime, fullTime } from "../ui/time-formats.ts";
import { displayFileName } from "./file-name.ts";
import { MessageText } from "./message-text.tsx";
import type { TimelinePlace } from "./timeline-groups.ts";

export interface TimelineEntryProps {
	item: TimelineItemView;
	/** Who wrote it, as shown above the group. */
	author: string;
	/** A stable id of the author, for the avatar's colour. */
	authorId: string;
	mine: boolean;
	/** Day separator and grouping with the neighbouring items. */
	place: TimelinePlace;
	onRetry: (commandId: string) => void;
	onDiscard: (commandId: string) => void;
}

const DELIVERY = {
	queued: { label: "Queued", Icon: Clock },
	sent: { label: "Sent", Icon: Check },
	seen: { label: "Seen", Icon: CheckCheck },
	failed: { label: "Failed", Icon: TriangleExclamationPoint },
} as const;

/**
 * One timeline item: an event as a centred line, a message as a bubble (mine on the right),
 * an internal note as an amber bubble marked "Internal note". Messages by one author a few
 * minutes apart form a group: one name and time above, one avatar beside the last bubble.
 */
export const TimelineEntry = memo(function TimelineEntry({
	item,
	author,
	authorId,
	mine,
	place,
	onRetry,
	onDiscard,
}: TimelineEntryProps) {
	const time = clockTime(item.createdAt);
	const day = place.day ? <DaySeparator label={place.day} /> : null;
	const event = item.parts.find((part) => part.type === "event");
	if (event?.type === "event") {
		return (
			<div className="px-4 md:px-6">
				{day}
				<div
					className="flex items-center justify-center gap-2 py-1.5 text-center text-xs text-muted-foreground"
					data-testid="event-item"
					data-event={event.eventType}
				>
					<span className="min-w-0">{event.message}</span>
					<span aria-hidden="true">·</span>
					<time dateTime={item.createdAt} title={fullTime(item.createdAt)}>
						{time}
					</time>
				</div>
			</div>
		);
	}
	const isNote = item.visibility === "private";
	return (
		<div className={cn("px-4 md:px-6", place.first ? "pt-3" : "pt-0.5")}>
			{day}
			<article
				className={cn("group/message flex items-end gap-2", mine && "flex-row-reverse")}
				data-testid={isNote ? "internal-note" : "message"}
				data-mine={mine}
				data-note={isNote}
				aria-label={`${isNote ? "Internal note" : "Message"} from ${author}`}
			>
				<span className="w-7 shrink-0">
					{place.last && !mine ? <Avatar name={author} seed={authorId} size="sm" /> : null}
				</span>
				<div
					className={cn(
						"flex min-w-0 max-w-[min(36rem,85%)] flex-col gap-1",
						mine ? "items-end" : "items-start",
					)}
				>
					{place.first ? (
						<header className="flex items-baseline gap-2 px-1 text-xs text-muted-foreground">
							<span className="font-medium text-foreground">{author}</span>
							<time dateTime={item.createdAt} title={fullTime(item.createdAt)}>
								{time}
							</time>
						</header>
					) : null}
					<div
						title={place.first ? undefined : fullTime(item.createdAt)}
						className={cn(
							"w-fit max-w-full rounded-2xl px-3.5 py-2 break-words",
							isNote
								? "border border-dashed border-note-border bg-note text-note-foreground"
								: mine
									? "bg-primary text-primary-foreground [&_a]:text-primary-foreground"
									: "bg-bubble text-bubble-foreground",
							mine ? "rounded-br-md" : "rounded-bl-md",
							item.pending && "opacity-80",
						)}
					>
						{isNote ? (
							<p className="m-0 mb-0.5 flex items-center gap-1 text-[11px] font-semibold tracking-wide uppercase">
								<Lock className="size-3" aria-hidden="true" />
								<span>Internal note</span>
							</p>
						) : null}
						<div className="flex flex-col gap-1.5">
							{item.parts.map((part, index) => {
								const key = `${item.id}-${index}`;
								if (part.type === "text") return <MessageText key={key} text={part.text} />;
								if (part.type === "image")
									return (
										<a key={key} href={part.url} target="_blank" rel="noopener noreferrer">
											<img
												className="block max-h-64 max-w-full rounded-lg"
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
											className="flex items-center gap-2 rounded-lg bg-background/60 px-2.5 py-1.5 text-foreground no-underline hover:bg-background"
											rel="noopener noreferrer"
											download={displayFileName(part.name)}
										>
											<Paperclip className="size-4 shrink-0" aria-hidden="true" />
											<span className="min-w-0 truncate">{displayFileName(part.name)}</span>
											<span className="shrink-0 text-xs text-muted-foreground">
												{formatSize(part.size)}
											</span>
										</a>
									);
								return null;
							})}
						</div>
					</div>
					{mine &&
					item.delivery &&
					(place.last || item.delivery === "queued" || item.delivery === "failed") ? (
						<Delivery item={item} onRetry={onRetry} onDiscard={onDiscard} />
					) : null}
				</div>
			</article>
		</div>
	);
}, sameEntry);

/**
 * Re-renders only when something shown changes. `place` is computed afresh for every row on
 * every render of the timeline, so it is compared by value, not by identity.
 */
function sameEntry(before: TimelineEntryProps, after: TimelineEntryProps): boolean {
	return (
		before.item === after.item &&
		before.author === after.author &&
		before.authorId === after.authorId &&
		before.mine === after.mine &&
		before.onRetry === after.onRetry &&
		before.onDiscard === after.onDiscard &&
		before.place.day === after.place.day &&
		before.place.first === after.place.first &&
		before.place.last === after.place.last
	);
}

/** Queued, sent, seen or failed (with the reason, Retry and Discard), under my message. */
function Delivery({
	item,
	onRetry,
	onDiscard,
}: Pick<TimelineEntryProps, "item" | "onRetry" | "onDiscard">) {
	const state = item.delivery;
	if (!state) return null;
	const { label, Icon } = DELIVERY[state];
	const failed = state === "failed";
	return (
		<footer
			className={cn(
				"flex flex-wrap items-center gap-1 px-1 text-[11px]",
				failed ? "text-danger" : "text-muted-foreground",
			)}
			data-testid="delivery"
			data-state={state}
		>
			<Icon className="size-3" aria-hidden="true" />
			<span>{label}</span>
			{failed ? (
				<>
					<span> · {item.failure?.reason ?? "Refused by the server"}</span>
					{item.commandId ? (
						<>
							<button
								type="button"
								className="ml-1 font-medium underline underline-offset-2 max-md:min-h-11"
								onClick={() => onRetry(item.commandId ?? "")}
							>
								Retry
							</button>
							<button
								type="button"
								className="ml-1 font-medium underline underline-offset-2 max-md:min-h-11"
								onClick={() => onDiscard(item.commandId ?? "")}
							>
								Discard
							</button>
						</>
					) : null}
				</>
			) : null}
		</footer>
	);
}

/** A line between days of the conversation. */
function DaySeparator({ label }: { label: string }) {
	return (
		<div className="flex items-center gap-3 pt-4 pb-1 text-xs font-medium text-muted-foreground">
			<span className="h-px flex-1 bg-border" aria-hidden="true" />
			<span>{label}</span>
			<span className="h-px flex-1 bg-border" aria-hidden="true" />
		</div>
	);
}

function formatSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
