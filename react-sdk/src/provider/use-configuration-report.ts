import type { CossistantClient, ErrorEvent } from "@cossistant/core";
import { type RefObject, useEffect, useRef } from "react";

/** The `error` event context of a configuration the widget cannot work with. */
export const CONFIGURATION_ERROR_CONTEXT = "configuration_error";

/**
 * Reports a configuration error once: one `console.error` with the text the widget's window
 * shows (developers look in the console first), and, when no client exists to carry it (the key
 * is missing or malformed, so none was created), an `error` event to `onError`. Errors the
 * server refused reach `onError` through the client's own `error` event instead.
 */
export function useConfigurationReport(
	configurationError: Error | null,
	client: CossistantClient | null,
	onError: RefObject<((event: ErrorEvent) => void) | undefined>,
): void {
	const reported = useRef(new WeakSet<Error>());
	useEffect(() => {
		if (!configurationError || reported.current.has(configurationError)) return;
		reported.current.add(configurationError);
		console.error(configurationError.message);
		if (!client) onError.current?.(configurationErrorEvent(configurationError));
	}, [configurationError, client, onError]);
}

/** The `error` event of a configuration error (`context: "configuration_error"`). */
export function configurationErrorEvent(error: Error): ErrorEvent {
	return { type: "error", error, context: CONFIGURATION_ERROR_CONTEXT, timestamp: Date.now() };
}
