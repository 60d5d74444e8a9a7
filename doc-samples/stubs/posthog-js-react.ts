// Stands in for `posthog-js/react` (not a dependency here): what the PostHog events sample calls.
export function usePostHog() {
	return {
		capture(event: string, properties?: object) {
			globalThis.analytics?.track(event, properties);
		},
	};
}
