import {
	CossistantClient,
	type CossistantClientOptions,
	type KeyValueStore,
	toError,
} from "@cossistant/core";
import { useEffect, useMemo, useRef, useState } from "react";

const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

interface CreatedClient {
	client: CossistantClient | null;
	configurationError: Error | null;
}

/** The client of one provider, its bootstrap state and retries. */
export interface ClientSession {
	client: CossistantClient | null;
	ready: boolean;
	error: Error | null;
	configurationError: Error | null;
}

/**
 * Creates the provider's `CossistantClient` (once per apiUrl / wsUrl / publicKey), bootstraps
 * the visitor after mount (never during a server render) and retries with backoff while the
 * server is unreachable and nothing is cached.
 *
 * Destruction is deferred by a macrotask so React's StrictMode (unmount + remount of effects)
 * keeps the same client instead of tearing its socket down and up again.
 */
export function useClientSession(
	options: CossistantClientOptions,
	storage: KeyValueStore,
): ClientSession {
	const [generation, setGeneration] = useState(0);
	const optionsRef = useRef(options);
	optionsRef.current = options;
	const { apiUrl, wsUrl, publicKey } = options;
	// biome-ignore lint/correctness/useExhaustiveDependencies: recreated only when the connection identity changes (or after a deferred destroy); other options are read once
	const created = useMemo<CreatedClient>(() => {
		try {
			return {
				client: new CossistantClient({ ...optionsRef.current, storage }),
				configurationError: null,
			};
		} catch (error) {
			return { client: null, configurationError: toError(error) };
		}
	}, [apiUrl, wsUrl, publicKey, storage, generation]);
	const [readyClient, setReadyClient] = useState<CossistantClient | null>(null);
	const [error, setError] = useState<Error | null>(null);
	const pendingDestroy = useRef(new Map<CossistantClient, ReturnType<typeof setTimeout>>());
	const destroyed = useRef(new WeakSet<CossistantClient>());

	useEffect(() => {
		const client = created.client;
		if (!client) return;
		const pending = pendingDestroy.current.get(client);
		if (pending !== undefined) {
			clearTimeout(pending);
			pendingDestroy.current.delete(client);
		}
		if (destroyed.current.has(client)) {
			setGeneration((value) => value + 1);
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
	}, [created]);

	return {
		client: created.client,
		ready: created.client !== null && readyClient === created.client,
		error,
		configurationError: created.configurationError,
	};
}
