import {
	CONVERSATION_DOC_KEYS,
	type CommandResult,
	DocumentNames,
	OUTBOX_KEYS,
	type PrincipalKey,
	type TimelineItem,
} from "@cossistant/types";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { eventually } from "./eventually.ts";
import { LOCAL_ORIGIN } from "./local-origin.ts";

export interface TestClientOptions {
	wsUrl: string;
	/** Visitor token or agent session token. */
	token: string;
	principal: PrincipalKey;
	publicKey?: string;
	origin?: string;
	/** Local address to connect from (any of 127.0.0.0/8), to act as another client IP. */
	localAddress?: string;
}

/**
 * A minimal real client for server tests: one multiplexed WebSocket (Hocuspocus provider),
 * an outbox document it writes commands into, and read-only replicas of shared documents.
 * It keeps its Y.Docs across reconnects and server restarts, as a browser replica would.
 */
export class TestClient {
	readonly socket: HocuspocusProviderWebsocket;
	readonly outboxDoc = new Y.Doc();
	private readonly providers = new Map<string, HocuspocusProvider>();
	readonly authFailures: Array<{ document: string; reason: string }> = [];
	readonly closeEvents: Array<{ code: number; reason: string }> = [];

	constructor(private readonly options: TestClientOptions) {
		const url = options.publicKey
			? `${options.wsUrl}?publicKey=${encodeURIComponent(options.publicKey)}`
			: options.wsUrl;
		// A browser always sends an Origin with a public key: test widgets send a loopback one.
		const origin = options.origin ?? (options.publicKey ? LOCAL_ORIGIN : undefined);
		const localAddress = options.localAddress;
		this.socket = new HocuspocusProviderWebsocket({
			url,
			delay: 50,
			factor: 1.5,
			minDelay: 50,
			maxDelay: 500,
			messageReconnectTimeout: 30_000,
			WebSocketPolyfill: class extends WebSocket {
				constructor(address: string) {
					super(address, {
						...(origin ? { origin } : {}),
						...(localAddress ? { localAddress } : {}),
					});
					// Destroying a client mid-handshake makes ws emit an error the provider does not
					// listen for; the close event that follows is what the provider handles.
					this.on("error", () => {});
				}
			},
			onClose: ({ event }) => {
				this.closeEvents.push({ code: event.code, reason: String(event.reason ?? "") });
			},
		});
		this.attach(DocumentNames.outbox(options.principal), this.outboxDoc);
	}

	/** Opens (or returns) a replica of `name`. */
	open(name: string, doc = new Y.Doc()): HocuspocusProvider {
		return this.providers.get(name) ?? this.attach(name, doc);
	}

	/** Opens `name` and waits for its first sync. */
	async openSynced(name: string, timeoutMs = 10_000): Promise<HocuspocusProvider> {
		const provider = this.open(name);
		await eventually(
			() => {
				if (!provider.isSynced) throw new Error(`${name} not synced`);
			},
			{ timeoutMs, message: `sync of ${name}` },
		);
		return provider;
	}

	doc(name: string): Y.Doc {
		const provider = this.providers.get(name);
		if (!provider) throw new Error(`${name} not open`);
		return provider.document;
	}

	/** Public (or private) timeline items of a conversation replica. */
	timeline(name: string): TimelineItem[] {
		return this.doc(name).getArray<TimelineItem>(CONVERSATION_DOC_KEYS.timeline).toArray();
	}

	/** Appends a command to the outbox (the only document a client writes). */
	send(command: Record<string, unknown>): void {
		this.outboxDoc.getArray(OUTBOX_KEYS.commands).push([command]);
	}

	resultOf(id: string): CommandResult | undefined {
		return this.outboxDoc.getMap<CommandResult>(OUTBOX_KEYS.results).get(id);
	}

	/** Waits for the server's result of command `id`. */
	result(id: string, timeoutMs = 15_000): Promise<CommandResult> {
		return eventually(
			() => {
				const result = this.resultOf(id);
				if (!result) throw new Error(`no result for ${id}`);
				return result;
			},
			{ timeoutMs, message: `result of ${id}` },
		);
	}

	destroy(): void {
		for (const provider of this.providers.values()) provider.destroy();
		this.socket.destroy();
	}

	private attach(name: string, document: Y.Doc): HocuspocusProvider {
		const provider = new HocuspocusProvider({
			websocketProvider: this.socket,
			name,
			document,
			token: this.options.token,
			onAuthenticationFailed: ({ reason }) => this.authFailures.push({ document: name, reason }),
		});
		provider.attach();
		this.providers.set(name, provider);
		return provider;
	}
}
