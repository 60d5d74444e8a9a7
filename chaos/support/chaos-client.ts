import { type CommandResult, OUTBOX_KEYS } from "@cossistant/types";
import type * as Y from "yjs";
import { TestClient } from "../../sync-server/test/support/test-client.ts";
import type { Participant } from "./chaos-server.ts";

/** A command as the chaos tests send it (any command of `@cossistant/types`). */
export type ChaosCommand = { id: string; type: string } & Record<string, unknown>;

/** A refusal the client will not retry: for the commands the tests send, always a failure. */
export interface FinalRejection {
	command: ChaosCommand;
	result: Extract<CommandResult, { status: "rejected" }>;
}

/** Pause before a command refused with a retryable reason is sent again (client-core: 500 ms × 2^n). */
const RETRY_DELAY_MS = 250;

/**
 * A client with a durable outbox, as `@cossistant/core` behaves on the wire: every command is
 * appended to the principal's outbox document (kept in memory across disconnects and server
 * restarts, like the browser's IndexedDB copy); an `applied` result prunes the command and its
 * result; a retryable refusal prunes it and sends the same id again after a pause (forever:
 * chaos must not turn an outage into a give-up); a final refusal is recorded.
 *
 * Built on the server tests' `TestClient` (real Hocuspocus provider over a real WebSocket).
 * Going offline closes the socket and stops reconnecting until `goOnline`.
 */
export class ChaosClient {
	readonly client: TestClient;
	/** Every command this client sent, by id, in send order. */
	readonly sent = new Map<string, ChaosCommand>();
	/** Ids the server reported applied. */
	readonly applied = new Set<string>();
	readonly finalRejections: FinalRejection[] = [];
	/** Retryable refusals seen (the command was sent again). */
	retryableRejections = 0;
	/** Shared documents this client opened (its replicas). */
	readonly openDocs = new Set<string>();
	private offline = false;
	private stopped = false;
	private readonly timers = new Set<ReturnType<typeof setTimeout>>();

	constructor(
		readonly participant: Participant,
		wsUrl: string,
	) {
		this.client = new TestClient({
			wsUrl,
			token: participant.token,
			principal: participant.principal,
			publicKey: participant.publicKey,
		});
		const results = this.results();
		results.observe((event) => {
			for (const id of event.keysChanged) {
				const result = results.get(id);
				if (result) queueMicrotask(() => this.settle(id, result));
			}
		});
	}

	get label(): string {
		return this.participant.label;
	}

	get isOffline(): boolean {
		return this.offline;
	}

	/** Appends `command` to the outbox (delivered now, or when the connection returns). */
	send(command: ChaosCommand): void {
		this.sent.set(command.id, command);
		this.client.send(command);
	}

	/** Opens a replica of a shared document (kept across disconnects). */
	open(name: string): void {
		this.openDocs.add(name);
		this.client.open(name);
	}

	async openSynced(name: string, timeoutMs = 30_000): Promise<void> {
		this.openDocs.add(name);
		await this.client.openSynced(name, timeoutMs);
	}

	doc(name: string): Y.Doc {
		return this.client.doc(name);
	}

	/** Announces typing in a conversation this client has open (awareness, never persisted). */
	typing(docName: string): void {
		if (!this.openDocs.has(docName)) return;
		this.client.open(docName).setAwarenessField("typing", {
			principal: this.participant.principal,
			at: Date.now(),
		});
	}

	/** A network partition: the socket closes and stays closed until `goOnline`. */
	goOffline(): void {
		this.offline = true;
		this.client.socket.disconnect();
	}

	goOnline(): void {
		this.offline = false;
		const socket = this.client.socket;
		// The provider's connect() returns at once while the socket it was told to close is still
		// closing (status "connected"), leaving shouldConnect false: the close that follows then
		// never reconnects and the client stays offline for good (found by the fuzz with a short
		// offline blip). Saying we want the connection makes that close reconnect.
		socket.shouldConnect = true;
		void socket.connect();
	}

	/** How many commands are sent but not yet applied nor finally refused (O(1)). */
	get pendingCount(): number {
		return this.sent.size - this.applied.size - this.finalRejections.length;
	}

	/** Commands sent but not yet applied (nor finally refused). */
	pending(): ChaosCommand[] {
		const refused = new Set(this.finalRejections.map((r) => r.command.id));
		return [...this.sent.values()].filter((c) => !this.applied.has(c.id) && !refused.has(c.id));
	}

	/** What the outbox document still holds (both 0 once everything is settled and pruned). */
	outboxSize(): { commands: number; results: number } {
		return {
			commands: this.client.outboxDoc.getArray(OUTBOX_KEYS.commands).length,
			results: this.results().size,
		};
	}

	destroy(): void {
		this.stopped = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.client.destroy();
	}

	private results(): Y.Map<CommandResult> {
		return this.client.outboxDoc.getMap<CommandResult>(OUTBOX_KEYS.results);
	}

	private settle(id: string, result: CommandResult): void {
		if (this.results().get(id) !== result) return; // already pruned or replaced
		const command = this.sent.get(id);
		// Another device of the same principal shares this outbox: its results are its own.
		if (!command) return;
		this.prune(id);
		if (result.status === "applied") {
			this.applied.add(id);
			return;
		}
		if (result.retryable) {
			this.retryableRejections += 1;
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				if (!this.stopped && !this.applied.has(id)) this.client.send(command);
			}, RETRY_DELAY_MS);
			this.timers.add(timer);
			return;
		}
		this.finalRejections.push({ command, result });
	}

	/** Removes a settled command and its result from the outbox document (client-core does too). */
	private prune(id: string): void {
		const doc = this.client.outboxDoc;
		const commands = doc.getArray<{ id?: string }>(OUTBOX_KEYS.commands);
		doc.transact(() => {
			for (let index = commands.length - 1; index >= 0; index--) {
				if (commands.get(index)?.id === id) commands.delete(index, 1);
			}
			this.results().delete(id);
		});
	}
}
