// The docs' Events page on a host page: the five callback props of <Support> and the
// AnalyticsTracker built on useSupportEvents, both writing what they receive to
// `window.supportEventLog` (the test reads it), and useSupportEventEmitter for custom errors.
import {
	Support,
	type SupportEvent,
	type SupportEventType,
	useSupportEventEmitter,
	useSupportEvents,
} from "@cossistant/react";
import { useEffect } from "react";
import { mount } from "./mount.tsx";

/** One event as received, reduced to JSON the test can read. */
export interface LoggedEvent {
	source: "callback" | "useSupportEvents";
	type: SupportEventType;
	conversationId?: string;
	messageId?: string;
	messageText?: string;
	messageConversationId?: string;
	errorMessage?: string;
	/** `error.code` of an error event, when the error has one (configuration errors do). */
	errorCode?: string;
	context?: string;
	timestamp: number;
}

declare global {
	interface Window {
		supportEventLog: LoggedEvent[];
	}
}
window.supportEventLog = [];

function log(source: LoggedEvent["source"], event: SupportEvent): void {
	const entry: LoggedEvent = { source, type: event.type, timestamp: event.timestamp };
	if ("conversationId" in event) entry.conversationId = event.conversationId;
	if ("message" in event) {
		entry.messageId = event.message.id;
		entry.messageConversationId = event.message.conversationId;
		entry.messageText = event.message.parts
			.map((part) => (part.type === "text" ? part.text : ""))
			.join("");
	}
	if (event.type === "error") {
		entry.errorMessage = event.error.message;
		entry.context = event.context;
		const code = (event.error as Error & { code?: string }).code;
		if (code !== undefined) entry.errorCode = code;
	}
	window.supportEventLog.push(entry);
}

/** The Events page's AnalyticsTracker: subscribes once the widget's client exists. */
function AnalyticsTracker() {
	const events = useSupportEvents();
	useEffect(() => {
		if (!events) return;
		const unsubscribes = [
			events.subscribe("conversationStart", (event) => log("useSupportEvents", event)),
			events.subscribe("conversationEnd", (event) => log("useSupportEvents", event)),
			events.subscribe("messageSent", (event) => log("useSupportEvents", event)),
			events.subscribe("messageReceived", (event) => log("useSupportEvents", event)),
			events.subscribe("error", (event) => log("useSupportEvents", event)),
		];
		return () => {
			for (const unsubscribe of unsubscribes) unsubscribe();
		};
	}, [events]);
	return null;
}

/** A host control that reports its own failure through the widget's event bus. */
function ReportProblem() {
	const emitter = useSupportEventEmitter();
	return (
		<button
			type="button"
			onClick={() => emitter.emitError(new Error("checkout failed"), "host_checkout")}
		>
			Report a problem
		</button>
	);
}

function App() {
	return (
		<>
			<h1>You are ready to chat</h1>
			<ReportProblem />
			<AnalyticsTracker />
			<Support
				onConversationStart={(event) => log("callback", event)}
				onConversationEnd={(event) => log("callback", event)}
				onMessageSent={(event) => log("callback", event)}
				onMessageReceived={(event) => log("callback", event)}
				onError={(event) => log("callback", event)}
			/>
		</>
	);
}

mount(<App />);
