import type { CossistantClient, CossistantClientOptions, KeyValueStore } from "@cossistant/core";
import { useCallback, useEffect, useRef, useState } from "react";
import { toError } from "../utils/errors.ts";
import { selectIsOpen, type WidgetStore } from "../widget/widget-store.ts";
import { loadClientModule, whenIdle } from "./load-client.ts";
import { useStore } from "./use-store.ts";

const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

interface Created {
	identity: string;
	client: CossistantClient | null;
	configurationError: Error | null;
}

/** The client of one provider, its bootstrap state and retries. */
export interface ClientSession {
	client: CossistantClient | null;
	ready: boolean;
	error: Error | null;
	configurationError: Error | null;
	/** Loads and creates the client now (instead of on idle); resolves with it. */
	requireClient: () => Promise<CossistantClient>;
}

/**
 * The provider's `CossistantClient`: its module is loaded when the browser is idle, when the
 * widget opens or when a hook needs it (so the trigger renders before Yjs and valibot arrive), then
 * one client is created per apiUrl / wsUrl / publicKey and the visitor bootstrapped, retrying
 * with backoff while the server is unreachable and nothing is cached. A configuration the
 * server refused for good (the client's `configurationError`: bad or revoked key, origin not
 * allowed, wrong apiUrl) is not retried. Nothing runs on a server.
 *
 * Destruction is deferred by a macrotask so React's StrictMode (unmount + remount of effects)
 * keeps the same client instead of tearing its socket down and up again.
 */
export function useClientSession(
	options: CossistantClientOptions,
	storage: KeyValueStore,
	widget: WidgetStore,
): ClientSession {
	const [generation, setGeneration] = useState(0);
	const optionsRef = useRef(options);
	optionsRef.current = options;
	const identity = `${options.apiUrl ?? ""}|${options.wsUrl ?? ""}|${options.publicKey ?? ""}|${generation}`;
	const [created, setCreated] = useState<Created | null>(null);
	const [loadError, setLoadError] = useState<Error | null>(null);
	const current = created?.identity === identity ? created : null;
	const latest = useRef(current);
	latest.current = current;
	const loadNow = useRef<() => void>(() => {});
	const waiters = useRef<
		Array<{ resolve: (c: CossistantClient) => void; reject: (e: Error) => void }>
	>([]);

	// 1. Load the client's module (idle, open, or on demand) and create the client.
	useEffect(() => {
		if (latest.current) return;
		let cancelled = false;
		let started = false;
		const load = () => {
			if (started) return;
			started = true;
			loadClientModule().then(
				({ CossistantClient }) => {
					if (cancelled) return;
					stop();
					setLoadError(null);
					try {
						const client = new CossistantClient({ ...optionsRef.current, storage });
						setCreated({ identity, client, configurationError: null });
					} catch (error) {
						setCreated({ identity, client: null, configurationError: toError(error) });
					}
				},
				(error) => {
					// The chunk did not load (offline, deploy in between): not a configuration
					// problem. Report it and try again on the next open, idle time or request.
					if (cancelled) return;
					started = false;
					const failure = toError(error);
					setLoadError(failure);
					for (const waiter of waiters.current.splice(0)) waiter.reject(failure);
				},
			);
		};
		const cancelIdle = whenIdle(load);
		const stopOpen = widget.subscribe((state) => {
			if (selectIsOpen(state)) load();
		});
		const stop = () => {
			cancelIdle();
			stopOpen();
		};
		loadNow.current = load;
		if (selectIsOpen(widget.getState())) load();
		return () => {
			cancelled = true;
			stop();
		};
	}, [identity, storage, widget]);

	// Hand the client (or the configuration error) to whoever asked for it.
	useEffect(() => {
		if (!current) return;
		for (const waiter of waiters.current.splice(0)) {
			if (current.client) waiter.resolve(current.client);
			else waiter.reject(current.configurationError ?? new Error("Cossistant is not configured."));
		}
	}, [current]);

	const requireClient = useCallback(() => {
		const ready = latest.current;
		if (ready?.client) return Promise.resolve(ready.client);
		if (ready?.configurationError) return Promise.reject(ready.configurationError);
		return new Promise<CossistantClient>((resolve, reject) => {
			waiters.current.push({ resolve, reject });
			loadNow.current();
		});
	}, []);

	const { ready, error } = useBootstrap(current?.client ?? null, () => setGeneration((g) => g + 1));
	const refused = useStore(
		current?.client?.visitorState,
		(state) => state?.configurationError ?? null,
	);

	return {
		client: current?.client ?? null,
		ready,
		error: loadError ?? error,
		configurationError: current?.configurationError ?? refused,
		requireClient,
	};
}

/** 2. Bootstraps the visitor once a client exists; destroys it (deferred) on unmount. */
function useBootstrap(client: CossistantClient | null, recreate: () => void) {
	const [readyClient, setReadyClient] = useState<CossistantClient | null>(null);
	const [error, setError] = useState<Error | null>(null);
	const pendingDestroy = useRef(new Map<CossistantClient, ReturnType<typeof setTimeout>>());
	const destroyed = useRef(new WeakSet<CossistantClient>());
	const recreateRef = useRef(recreate);
	recreateRef.current = recreate;

	useEffect(() => {
		if (!client) return;
		const pending = pendingDestroy.current.get(client);
		if (pending !== undefined) {
			clearTimeout(pending);
			pendingDestroy.current.delete(client);
		}
		if (destroyed.current.has(client)) {
			recreateRef.current();
			return;
		}
		let cancelled = false;
		let attempt = 0;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const boot = () => {
			client.fetchWebsite().then(
				() => {
					if (cancelled) return;
					setError(null);
					setReadyClient(client);
					client
						.fetchSupportState()
						.catch((cause) => client.events.emitError(toError(cause), "support_state_failed"));
				},
				(cause) => {
					if (cancelled) return;
					const failure = toError(cause);
					setError(failure);
					// Refused for good: the client reported it (`configuration_error`); retrying
					// cannot help until the configuration changes.
					if (client.visitorState.getState().configurationError) return;
					client.events.emitError(failure, "bootstrap_failed");
					const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
					attempt += 1;
					timer = setTimeout(boot, delay);
				},
			);
		};
		boot();
		return () => {
			cancelled = true;
			if (timer !== undefined) clearTimeout(timer);
			const destroy = setTimeout(() => {
				pendingDestroy.current.delete(client);
				destroyed.current.add(client);
				client.destroy();
			}, 0);
			pendingDestroy.current.set(client, destroy);
		};
	}, [client]);

	return { ready: client !== null && readyClient === client, error };
}
