import type { CossistantClient, KeyValueStore } from "@cossistant/core";
import { createContext, useContext } from "react";
import type { ActivityStore } from "../widget/activity-store.ts";
import type { WidgetStore } from "../widget/widget-store.ts";

/** Everything a `SupportProvider` shares with the widget and the hooks. */
export interface SupportSession {
	/** The client; `null` when the configuration is invalid (see `configurationError`). */
	client: CossistantClient | null;
	/** true once the visitor is bootstrapped: conversations, connection and outbox exist. */
	ready: boolean;
	/** The last bootstrap error (the provider keeps retrying), or null. */
	error: Error | null;
	/**
	 * A configuration the widget cannot work with (`CossistantConfigurationError`: missing,
	 * malformed, unknown or revoked key, origin not allowed, wrong apiUrl): the widget shows it
	 * instead of failing the host page, and nothing retries.
	 */
	configurationError: Error | null;
	/** Loads and creates the client now if it is not there yet; resolves with it. */
	requireClient: () => Promise<CossistantClient>;
	widget: WidgetStore;
	/** Unread and typing across conversations (after `ready`). */
	activity: ActivityStore | null;
	storage: KeyValueStore;
	publicKey: string | undefined;
}

export const SupportSessionContext = createContext<SupportSession | null>(null);

/** The session of the nearest `SupportProvider`; throws a helpful error outside of one. */
export function useSupportSession(hook: string): SupportSession {
	const session = useContext(SupportSessionContext);
	if (!session) {
		throw new Error(`${hook} must be used inside <SupportProvider>.`);
	}
	return session;
}

/** The session, or null outside a provider (for hooks documented to return null there). */
export function useOptionalSupportSession(): SupportSession | null {
	return useContext(SupportSessionContext);
}
