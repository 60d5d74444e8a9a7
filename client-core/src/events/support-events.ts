import type { TimelineItem } from "@cossistant/types";

/** Fired when a new conversation is created. */
export interface ConversationStartEvent {
	type: "conversationStart";
	conversationId: string;
	timestamp: number;
}

/**
 * Fired when a conversation is closed or resolved: once per end, also when this client learns
 * it only after reconnecting or on a later page load (see ConversationEnds).
 */
export interface ConversationEndEvent {
	type: "conversationEnd";
	conversationId: string;
	timestamp: number;
}

/** Fired when the visitor sends a message. */
export interface MessageSentEvent {
	type: "messageSent";
	conversationId: string;
	message: TimelineItem;
	timestamp: number;
}

/** Fired when a message is received from an agent (human or AI). */
export interface MessageReceivedEvent {
	type: "messageReceived";
	conversationId: string;
	message: TimelineItem;
	timestamp: number;
}

/** Fired when an error occurs within the widget. */
export interface ErrorEvent {
	type: "error";
	error: Error;
	/** Where it happened, e.g. `message_send_failed`, `invalid_timeline_item`. */
	context?: string;
	timestamp: number;
}

/** Union type of all possible widget events. */
export type SupportEvent =
	| ConversationStartEvent
	| ConversationEndEvent
	| MessageSentEvent
	| MessageReceivedEvent
	| ErrorEvent;

export type SupportEventType = SupportEvent["type"];
export type SupportEventOf<T extends SupportEventType> = Extract<SupportEvent, { type: T }>;

/** The callback props of `<Support />`. */
export interface SupportEventCallbacks {
	onConversationStart?: (event: ConversationStartEvent) => void;
	onConversationEnd?: (event: ConversationEndEvent) => void;
	onMessageSent?: (event: MessageSentEvent) => void;
	onMessageReceived?: (event: MessageReceivedEvent) => void;
	onError?: (event: ErrorEvent) => void;
}

type Listener<T extends SupportEventType> = (event: SupportEventOf<T>) => void;

/**
 * The typed event bus of one client (one widget instance): `subscribe` returns an unsubscribe
 * function; the `emit*` helpers are what `useSupportEventEmitter()` exposes. A throwing
 * listener never breaks the others or the client.
 */
export class SupportEventEmitter {
	private readonly listeners = new Map<SupportEventType, Set<(event: SupportEvent) => void>>();

	subscribe<T extends SupportEventType>(type: T, listener: Listener<T>): () => void {
		let set = this.listeners.get(type);
		if (!set) {
			set = new Set();
			this.listeners.set(type, set);
		}
		const untyped = listener as unknown as (event: SupportEvent) => void;
		set.add(untyped);
		return () => set.delete(untyped);
	}

	/** Subscribes every callback of a `SupportEventCallbacks` object; returns one unsubscribe. */
	subscribeCallbacks(callbacks: SupportEventCallbacks): () => void {
		const stops = [
			callbacks.onConversationStart &&
				this.subscribe("conversationStart", callbacks.onConversationStart),
			callbacks.onConversationEnd && this.subscribe("conversationEnd", callbacks.onConversationEnd),
			callbacks.onMessageSent && this.subscribe("messageSent", callbacks.onMessageSent),
			callbacks.onMessageReceived && this.subscribe("messageReceived", callbacks.onMessageReceived),
			callbacks.onError && this.subscribe("error", callbacks.onError),
		];
		return () => {
			for (const stop of stops) stop?.();
		};
	}

	emit(event: SupportEvent): void {
		for (const listener of this.listeners.get(event.type) ?? []) {
			try {
				listener(event);
			} catch (error) {
				if (event.type !== "error") this.emitError(toError(error), "event_listener_failed");
			}
		}
	}

	emitConversationStart(conversationId: string): void {
		this.emit({ type: "conversationStart", conversationId, timestamp: Date.now() });
	}

	emitConversationEnd(conversationId: string): void {
		this.emit({ type: "conversationEnd", conversationId, timestamp: Date.now() });
	}

	emitMessageSent(conversationId: string, message: TimelineItem): void {
		this.emit({ type: "messageSent", conversationId, message, timestamp: Date.now() });
	}

	emitMessageReceived(conversationId: string, message: TimelineItem): void {
		this.emit({ type: "messageReceived", conversationId, message, timestamp: Date.now() });
	}

	emitError(error: Error, context?: string): void {
		this.emit({ type: "error", error, context, timestamp: Date.now() });
	}

	clear(): void {
		this.listeners.clear();
	}
}

export function toError(value: unknown): Error {
	return value instanceof Error ? value : new Error(String(value));
}
