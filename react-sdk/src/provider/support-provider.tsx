import type { CossistantClientOptions, ErrorEvent, SupportConfig } from "@cossistant/core";
// From the dependency-free subpath: the provider is in the page's first chunk, the client is not.
import { defaultKeyValueStore } from "@cossistant/core/key-value-store";
import type { DefaultMessage } from "@cossistant/types";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { type ActivityStore, createActivityStore } from "../widget/activity-store.ts";
import { createWidgetStore } from "../widget/widget-store.ts";
import { type SupportSession, SupportSessionContext } from "./support-context.ts";
import { useClientSession } from "./use-client-session.ts";
import { useConfigurationReport } from "./use-configuration-report.ts";

/** Props of `<SupportProvider>`. */
export interface SupportProviderProps {
	children?: ReactNode;
	/**
	 * Public key (`pk_test_…` / `pk_live_…`). Auto-detected from `VITE_COSSISTANT_API_KEY`,
	 * `NEXT_PUBLIC_COSSISTANT_API_KEY` or `COSSISTANT_API_KEY` when omitted.
	 */
	publicKey?: string;
	/**
	 * REST base URL. Auto-detected from `VITE_COSSISTANT_API_URL`,
	 * `NEXT_PUBLIC_COSSISTANT_API_URL` or `COSSISTANT_API_URL` when omitted.
	 * @default "http://localhost:4000/v1"
	 */
	apiUrl?: string;
	/** WebSocket URL. @default derived from `apiUrl` (`http` → `ws`, `https` → `wss`, `…/v1` → `…/ws`) */
	wsUrl?: string;
	/** Typed feature flags and onboarding steps from `createSupport()` (read once). */
	support?: SupportConfig;
	/** Welcome messages before a conversation starts (a `SupportConfig` below overrides them). */
	defaultMessages?: DefaultMessage[];
	/** Suggested first messages (a `SupportConfig` below overrides them). */
	quickOptions?: string[];
	/** Widget size. @default "normal" */
	size?: "normal" | "larger";
	/**
	 * Advanced client options: `storage`, `docCache`, `outboxPersistence`, `environment`,
	 * `fetch`, `WebSocketPolyfill` (e.g. memory persistence in tests). Read once.
	 */
	clientOptions?: Omit<CossistantClientOptions, "publicKey" | "apiUrl" | "wsUrl" | "support">;
	/**
	 * Every `error` event of the widget (as `<Support onError>`), including configuration errors
	 * (`context: "configuration_error"`, `error.code`: `missing_public_key`, `invalid_api_key`,
	 * `origin_not_allowed`, `wrong_api_url`), which the window also shows and the console logs
	 * once. Those are not retried; network and server outages are, silently.
	 *
	 * @example
	 * <SupportProvider onError={({ error, context }) => logger.error("support", { error, context })}>
	 */
	onError?: (event: ErrorEvent) => void;
}

/**
 * Connects the widget and the hooks to Cossistant: one `CossistantClient` per provider
 * (never a module-level singleton), loaded when the browser is idle or the widget opens and
 * bootstrapped after mount, so it renders on servers too.
 *
 * @example
 * ReactDOM.createRoot(document.getElementById("root")!).render(
 *   <SupportProvider publicKey="pk_test_…">
 *     <App />
 *   </SupportProvider>,
 * );
 */
export function SupportProvider({
	children,
	publicKey,
	apiUrl,
	wsUrl,
	support,
	defaultMessages,
	quickOptions,
	size,
	clientOptions,
	onError,
}: SupportProviderProps) {
	const [storage] = useState(() => clientOptions?.storage ?? defaultKeyValueStore());
	const [widget] = useState(() =>
		createWidgetStore({
			defaultMessages: defaultMessages ?? [],
			quickOptions: quickOptions ?? [],
			size: size ?? "normal",
		}),
	);
	const session = useClientSession(
		{ ...clientOptions, publicKey, apiUrl, wsUrl, support },
		storage,
		widget,
	);
	const [activity, setActivity] = useState<ActivityStore | null>(null);
	const { client, ready, error, configurationError, requireClient } = session;
	const onErrorRef = useRef(onError);
	onErrorRef.current = onError;

	useEffect(() => {
		if (!client) return;
		return client.events.subscribe("error", (event) => onErrorRef.current?.(event));
	}, [client]);
	useConfigurationReport(configurationError, client, onErrorRef);

	useEffect(() => {
		if (!client || !ready) return;
		const store = createActivityStore(client);
		setActivity(store);
		return () => {
			store.destroy();
			setActivity(null);
		};
	}, [client, ready]);

	useEffect(() => {
		if (defaultMessages) widget.actions.setDefaultMessages(defaultMessages);
	}, [widget, defaultMessages]);
	useEffect(() => {
		if (quickOptions) widget.actions.setQuickOptions(quickOptions);
	}, [widget, quickOptions]);
	useEffect(() => {
		if (size) widget.actions.setSize(size);
	}, [widget, size]);

	const value = useMemo<SupportSession>(
		() => ({
			client,
			ready,
			error,
			configurationError,
			requireClient,
			widget,
			activity,
			storage,
			publicKey,
		}),
		[client, ready, error, configurationError, requireClient, widget, activity, storage, publicKey],
	);
	return <SupportSessionContext.Provider value={value}>{children}</SupportSessionContext.Provider>;
}
