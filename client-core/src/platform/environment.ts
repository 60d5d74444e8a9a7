/**
 * The browser signals the client reacts to, injectable for tests and absent on servers:
 * coming back online and the page becoming visible both trigger an immediate reconnect.
 */
export interface ClientEnvironment {
	/** Subscribes to "the network is back" and "the page is visible again"; returns unsubscribe. */
	onWake(listener: () => void): () => void;
	/**
	 * Subscribes to "the browser went offline": the socket is dropped at once instead of
	 * waiting for a timeout, so the UI shows offline and commands stay queued.
	 */
	onOffline?(listener: () => void): () => void;
	/** false when the browser knows it is offline. */
	isOnline(): boolean;
	/** false when the page is hidden (background tab). */
	isVisible(): boolean;
}

/** window/document events when present, inert otherwise (Node, server rendering). */
export function browserEnvironment(): ClientEnvironment {
	const win = typeof window === "undefined" ? undefined : window;
	const doc = typeof document === "undefined" ? undefined : document;
	return {
		onWake(listener) {
			if (!win) return () => {};
			const onVisibility = () => {
				if (doc?.visibilityState === "visible") listener();
			};
			win.addEventListener("online", listener);
			doc?.addEventListener("visibilitychange", onVisibility);
			return () => {
				win.removeEventListener("online", listener);
				doc?.removeEventListener("visibilitychange", onVisibility);
			};
		},
		onOffline(listener) {
			if (!win) return () => {};
			win.addEventListener("offline", listener);
			return () => win.removeEventListener("offline", listener);
		},
		isOnline: () => (typeof navigator === "undefined" ? true : navigator.onLine !== false),
		isVisible: () => doc?.visibilityState !== "hidden",
	};
}
