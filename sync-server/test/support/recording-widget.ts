import { type CommandResult, OUTBOX_KEYS } from "@cossistant/types";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { type RawData, WebSocket } from "ws";
import * as Y from "yjs";
import { eventually } from "./eventually.ts";
import { LOCAL_ORIGIN } from "./local-origin.ts";

/**
 * A widget-like Hocuspocus client that records every raw WebSocket frame the server sends it,
 * byte for byte, before the provider decodes anything: what a visitor's browser receives.
 */
export class RecordingWidget {
	/** Every frame received, in order. */
	readonly frames: Buffer[] = [];
	readonly socket: HocuspocusProviderWebsocket;
	readonly authFailures: Array<{ document: string; reason: string }> = [];
	private readonly providers = new Map<string, HocuspocusProvider>();

	constructor(
		wsUrl: string,
		private readonly token: string,
		options: { publicKey: string; origin?: string },
	) {
		const frames = this.frames;
		const origin = options.origin ?? LOCAL_ORIGIN;
		this.socket = new HocuspocusProviderWebsocket({
			url: `${wsUrl}?publicKey=${encodeURIComponent(options.publicKey)}`,
			delay: 50,
			minDelay: 50,
			maxDelay: 500,
			WebSocketPolyfill: class extends WebSocket {
				constructor(address: string) {
					super(address, origin ? { origin } : {});
					this.on("error", () => {});
					// Registered before the provider's listener: the bytes as they came off the wire.
					this.on("message", (data: RawData) => frames.push(toBuffer(data)));
				}
			},
		});
	}

	/** Opens `name` (read-only replica) and waits for its first sync unless `expectRefusal`. */
	async open(name: string, expectRefusal = false): Promise<Y.Doc> {
		const provider = new HocuspocusProvider({
			websocketProvider: this.socket,
			name,
			document: new Y.Doc(),
			token: this.token,
			onAuthenticationFailed: ({ reason }) => this.authFailures.push({ document: name, reason }),
		});
		provider.attach();
		this.providers.set(name, provider);
		await eventually(
			() => {
				const done = expectRefusal
					? this.authFailures.some((f) => f.document === name)
					: provider.isSynced;
				if (!done) throw new Error(`${name} not ${expectRefusal ? "refused" : "synced"}`);
			},
			{ message: `open ${name}` },
		);
		return provider.document;
	}

	/** Appends a command to the (opened) outbox `name` and waits for its result. */
	async send(
		outbox: string,
		command: { id: string } & Record<string, unknown>,
	): Promise<CommandResult> {
		const doc = this.providers.get(outbox)?.document;
		if (!doc) throw new Error(`${outbox} not open`);
		doc.getArray(OUTBOX_KEYS.commands).push([command]);
		return eventually(
			() => {
				const result = doc.getMap<CommandResult>(OUTBOX_KEYS.results).get(command.id);
				if (!result) throw new Error(`no result for ${command.id}`);
				return result;
			},
			{ message: `result of ${command.id}` },
		);
	}

	/** All bytes received so far. */
	bytes(): Buffer {
		return Buffer.concat(this.frames);
	}

	destroy(): void {
		for (const provider of this.providers.values()) provider.destroy();
		this.socket.destroy();
	}
}

function toBuffer(data: RawData): Buffer {
	if (Array.isArray(data)) return Buffer.concat(data);
	if (data instanceof ArrayBuffer) return Buffer.from(data);
	return Buffer.from(data);
}
