// Hooks: useSupportEvents (components/analytics-tracker.tsx).
"use client";

import { useSupportEvents } from "@cossistant/next/support";
import { useEffect } from "react";

export function AnalyticsTracker() {
	const events = useSupportEvents();

	useEffect(() => {
		if (!events) return;

		const unsubscribe = events.subscribe("messageSent", (event) => {
			// Track in your analytics
			analytics.track("support_message_sent", {
				conversationId: event.conversationId,
			});
		});

		return unsubscribe;
	}, [events]);

	return null;
}
