// Events: every event type, imported as the docs import them.
import type {
	ConversationEndEvent,
	ConversationStartEvent,
	ErrorEvent,
	MessageReceivedEvent,
	MessageSentEvent,
	SupportEvent,
	SupportEventCallbacks,
	SupportEventType,
} from "@cossistant/next/support";

/** Each event type is the member of `SupportEvent` its `type` names. */
export type EventOf<T extends SupportEventType> = Extract<SupportEvent, { type: T }>;

export const byType: {
	conversationStart: EventOf<"conversationStart"> extends ConversationStartEvent ? true : false;
	conversationEnd: EventOf<"conversationEnd"> extends ConversationEndEvent ? true : false;
	messageSent: EventOf<"messageSent"> extends MessageSentEvent ? true : false;
	messageReceived: EventOf<"messageReceived"> extends MessageReceivedEvent ? true : false;
	error: EventOf<"error"> extends ErrorEvent ? true : false;
	callbacks: keyof SupportEventCallbacks;
} = {
	conversationStart: true,
	conversationEnd: true,
	messageSent: true,
	messageReceived: true,
	error: true,
	callbacks: "onMessageSent",
};
