// Stands in for `@sentry/react` (not a dependency here): what the Sentry events sample calls.
export function captureException(
	error: unknown,
	context?: { tags?: Record<string, string>; extra?: Record<string, unknown> },
): string {
	globalThis.errorTracker?.captureException(error, context);
	return "event-id";
}
