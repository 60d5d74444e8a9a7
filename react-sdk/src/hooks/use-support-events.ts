import type { SupportEventEmitter, TimelineItemView } from "@cossistant/core";
import type { TimelineItem } from "@cossistant/types";
import { useMemo } from "react";
import { useOptionalSupportSession } from "../provider/support-context.ts";

/**
 * The widget's event bus (scoped to this provider's client): `subscribe(type, listener)`
 * returns an unsubscribe function. `null` outside a `SupportProvider` or without a client.
 *
 * @example
 * const events = useSupportEvents();
 * useEffect(() => {
 *   if (!events) return;
 *   return events.subscribe("messageSent", (event) => analytics.track("sent", event));
 * }, [events]);
 */
export function useSupportEvents(): SupportEventEmitter | null {
	return useOptionalSupportSession()?.client?.events ?? null;
}

/** What `useSupportEventEmitter()` returns: emitters that no-op without a client. */
export interface SupportEventEmitterApi {
	emitConversationStart: (conversationId: string) => void;
	emitConversationEnd: (conversationId: string) => void;
	emitMessageSent: (conversationId: string, message: TimelineItem | TimelineItemView) => void;
	emitMessageReceived: (conversationId: string, message: TimelineItem | TimelineItemView) => void;
	emitError: (error: Error, context?: string) => void;
}

/**
 * Emits widget events from custom pages and components, for every listener (callback props,
 * `useSupportEvents` subscribers).
 *
 * @example
 * const emitter = useSupportEventEmitter();
 * emitter.emitError(new Error("upload refused"), "message_send_failed");
 */
export function useSupportEventEmitter(): SupportEventEmitterApi {
	const events = useSupportEvents();
	return useMemo(
		() => ({
			emitConversationStart: (id) => events?.emitConversationStart(id),
			emitConversationEnd: (id) => events?.emitConversationEnd(id),
			emitMessageSent: (id, message) => events?.emitMessageSent(id, message),
			emitMessageReceived: (id, message) => events?.emitMessageReceived(id, message),
			emitError: (error, context) => events?.emitError(error, context),
		}),
		[events],
	);
}
