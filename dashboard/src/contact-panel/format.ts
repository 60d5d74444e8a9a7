import type { Conversation, VisitorDetail } from "@cossistant/types";

/** "5 minutes ago", "yesterday", "3 weeks ago" (falls back to a date beyond a year). */
export function relativeTime(iso: string, now: number = Date.now()): string {
	const time = new Date(iso).getTime();
	if (Number.isNaN(time)) return iso;
	const seconds = Math.round((time - now) / 1000);
	const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
		["year", 31_536_000],
		["month", 2_592_000],
		["week", 604_800],
		["day", 86_400],
		["hour", 3_600],
		["minute", 60],
	];
	const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
	for (const [unit, size] of units) {
		if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
	}
	return Math.abs(seconds) < 45 ? "just now" : format.format(seconds, "second");
}

/** A full local date and time, for `title` attributes and "as of" notes. */
export function fullTime(iso: string | number): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return String(iso);
	return date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** The current time in `timeZone` ("14:05"), or null for an unknown zone. */
export function localTimeIn(timeZone: string, now: Date = new Date()): string | null {
	try {
		return now.toLocaleTimeString(undefined, { timeZone, hour: "2-digit", minute: "2-digit" });
	} catch {
		return null;
	}
}

/** A language tag in words when the runtime knows it ("fr-CA" → "French (Canada)"). */
export function languageName(tag: string): string {
	try {
		const name = new Intl.DisplayNames(undefined, { type: "language" }).of(tag);
		return name && name !== tag ? `${name} (${tag})` : tag;
	} catch {
		return tag;
	}
}

/** "Chrome 131 on macOS", "Safari 18 on iOS 18", or "Unknown browser". */
export function deviceName(visitor: VisitorDetail): string {
	const { browser, os } = visitor.device;
	if (browser && os) return `${browser} on ${os}`;
	return browser ?? os ?? "Unknown browser";
}

/** What a conversation is about: its title, else the start of its last message. */
export function conversationLabel(conversation: Conversation): string {
	if (conversation.title) return conversation.title;
	const preview = conversationPreview(conversation);
	return preview ? preview : "Untitled conversation";
}

/** The last public item as one line of text (a message's text, an event's line, a file's name). */
export function conversationPreview(conversation: Conversation): string {
	const item = conversation.lastTimelineItem;
	if (!item) return "";
	for (const part of item.parts) {
		if (part.type === "text") return oneLine(part.text);
		if (part.type === "event") return oneLine(part.message);
	}
	const file = item.parts.find((part) => part.type === "file" || part.type === "image");
	return file ? (file.type === "image" ? "Image" : "File") : "";
}

/** When the conversation last moved. */
export function lastActivity(conversation: Conversation): string {
	return conversation.lastTimelineItem?.createdAt ?? conversation.updatedAt;
}

function oneLine(text: string): string {
	const flat = text.replace(/\s+/g, " ").trim();
	return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
