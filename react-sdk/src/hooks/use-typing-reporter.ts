import type { CossistantClient } from "@cossistant/core";
import { useCallback, useEffect, useMemo, useRef } from "react";

/** Re-publish "typing" this often while keys keep coming (the core expires it after 6 s). */
const REPORT_EVERY_MS = 2_000;

/**
 * Publishes the visitor's typing state for a conversation: throttled while the draft changes,
 * cleared when the draft empties, on send and on unmount.
 */
export function useTypingReporter(client: CossistantClient | null, conversationId: string | null) {
	const lastReport = useRef(0);
	const typing = useRef(false);

	const stop = useCallback(() => {
		if (!client || !conversationId || !typing.current) return;
		typing.current = false;
		lastReport.current = 0;
		client.setTyping(conversationId, false);
	}, [client, conversationId]);

	const report = useCallback(
		(draft: string) => {
			if (!client || !conversationId) return;
			if (draft.trim() === "") return stop();
			const now = Date.now();
			if (typing.current && now - lastReport.current < REPORT_EVERY_MS) return;
			typing.current = true;
			lastReport.current = now;
			client.setTyping(conversationId, true);
		},
		[client, conversationId, stop],
	);

	useEffect(() => stop, [stop]);
	return useMemo(() => ({ report, stop }), [report, stop]);
}
