// Events: programmatic event handling with useSupportEvents (components/analytics-tracker.tsx).
"use client";

import { useSupportEvents } from "@cossistant/next/support";
import { useEffect } from "react";

export function AnalyticsTracker() {
	const events = useSupportEvents();

	useEffect(() => {
		if (!events) return;

		// Subscribe to multiple event types
		const unsubscribes = [
			events.subscribe("conversationStart", (event) => {
				analytics.track("conversation_started", event);
			}),
			events.subscribe("messageSent", (event) => {
				analytics.track("message_sent", event);
			}),
			events.subscribe("messageReceived", (event) => {
				analytics.track("message_received", event);
			}),
			events.subscribe("error", (event) => {
				errorTracker.captureException(event.error, {
					extra: { context: event.context },
				});
			}),
		];

		// Cleanup all subscriptions
		return () => {
			unsubscribes.forEach((unsubscribe) => unsubscribe());
		};
	}, [events]);

	return null;
}
