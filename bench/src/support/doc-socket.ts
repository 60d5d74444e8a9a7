import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { BENCH_ORIGIN } from "./origin.ts";

/**
 * Hocuspocus closes a connection that has more than 100 documents waiting for authentication
 * (`maxPendingDocuments`); documents are opened in chunks below that, each chunk synced first.
 */
const OPEN_CHUNK = 50;

/**
 * One multiplexed WebSocket (`HocuspocusProviderWebsocket`) carrying many documents, as a real
 * client holds them: a provider per document, default awareness, the `ws` package underneath.
 * Used by the load generators; unlike `sync-server/test/support/test-client.ts` it has no
 * outbox of its own and opens documents in bulk.
 */
export class DocSocket {
	readonly socket: HocuspocusProviderWebsocket;
	readonly providers = new Map<string, HocuspocusProvider>();
	readonly refused: Array<{ document: string; reason: string }> = [];

	constructor(
		url: string,
		private readonly token: string,
	) {
		this.socket = new HocuspocusProviderWebsocket({
			url,
			delay: 50,
			factor: 1.5,
			minDelay: 50,
			maxDelay: 1_000,
			messageReconnectTimeout: 60_000,
			WebSocketPolyfill: class extends WebSocket {
				constructor(address: string) {
					// Widgets' sockets carry the page's Origin (the server checks it with the public key).
					super(address, { origin: BENCH_ORIGIN });
					// A socket destroyed mid-handshake emits an error the provider does not listen for.
					this.on("error", () => {});
				}
			},
		});
	}

	/** Opens `names` (in chunks) and resolves once each has synced, or rejects after `timeoutMs`. */
	async openAll(names: readonly string[], timeoutMs = 120_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (let start = 0; start < names.length; start += OPEN_CHUNK) {
			const chunk = names.slice(start, start + OPEN_CHUNK);
			await Promise.all(chunk.map((name) => this.openSynced(name, deadline - Date.now())));
		}
	}

	/** Opens one document and resolves at its first sync. */
	openSynced(name: string, timeoutMs = 60_000): Promise<HocuspocusProvider> {
		const existing = this.providers.get(name);
		if (existing?.isSynced) return Promise.resolve(existing);
		return new Promise((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`${name} did not sync within ${timeoutMs} ms`)),
				Math.max(1, timeoutMs),
			);
			const provider =
				existing ??
				new HocuspocusProvider({
					websocketProvider: this.socket,
					name,
					document: new Y.Doc(),
					// As @cossistant/core: outboxes carry no presence (no awareness renewals).
					awareness: name.startsWith("outbox/") ? null : undefined,
					token: this.token,
					onAuthenticationFailed: ({ reason }) => {
						this.refused.push({ document: name, reason });
						clearTimeout(timer);
						reject(new Error(`${name} refused: ${reason}`));
					},
				});
			const onSynced = ({ state }: { state: boolean }) => {
				if (!state) return;
				provider.off("synced", onSynced);
				clearTimeout(timer);
				resolve(provider);
			};
			provider.on("synced", onSynced);
			if (!existing) {
				this.providers.set(name, provider);
				provider.attach();
			}
		});
	}

	/** The replica of an open document. */
	doc(name: string): Y.Doc {
		const provider = this.providers.get(name);
		if (!provider) throw new Error(`${name} is not open`);
		return provider.document;
	}

	destroy(): void {
		for (const provider of this.providers.values()) provider.destroy();
		this.providers.clear();
		this.socket.destroy();
	}
}
