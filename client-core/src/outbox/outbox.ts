import {
	type Command,
	type CommandResult,
	commandResultSchema,
	DocumentNames,
	OUTBOX_KEYS,
	type PrincipalKey,
} from "@cossistant/types";
import * as v from "valibot";
import type * as Y from "yjs";
import { createStore, type StoreApi } from "zustand/vanilla";
import { newId } from "../ids/new-id.ts";
import type { SyncConnection, SyncedDocument } from "../sync/sync-connection.ts";
import type { OutboxPersistence, PendingCommandRecord } from "./outbox-persistence.ts";

/** Where a command stands, as the UI shows it. */
export type OutboxEntryState = "queued" | "sent" | "failed";

export interface OutboxEntry {
	command: Command;
	state: OutboxEntryState;
	queuedAt: number;
	failure?: PendingCommandRecord["failure"];
}

export interface OutboxState {
	/** Commands by id, in queue order (Map keeps insertion order). */
	entries: ReadonlyMap<string, OutboxEntry>;
	/** true once the durable queue was read back (after a reload). */
	restored: boolean;
}

/** Results the outbox reports (the client turns them into events). */
export interface OutboxListener {
	onApplied?(command: Command): void;
	onRejected?(command: Command, failure: NonNullable<PendingCommandRecord["failure"]>): void;
}

const SENT_LINGER_MS = 30_000;
/** Automatic re-sends of a command the server refused with a retryable reason. */
const MAX_AUTOMATIC_RETRIES = 5;

/**
 * The durable outbox (docs/architecture.md, "Clients: a disposable cache and a durable outbox").
 *
 * `enqueue` commits the command to durable storage first and only then shows it as queued and
 * hands it to the `outbox/<principal>` document, which the server watches. The server's
 * result moves it to *sent* (applied and durable on the server) or *failed* (with the
 * server's reason; `retry` / `discard`). Tabs of one browser share the queue through
 * storage and a BroadcastChannel, so they see each other's queued commands while offline.
 */
export class Outbox {
	readonly state: StoreApi<OutboxState>;
	private readonly document: SyncedDocument;
	private readonly channel: BroadcastChannel | null;
	private readonly listeners = new Set<OutboxListener>();
	private readonly timers = new Set<ReturnType<typeof setTimeout>>();
	private detach: () => void = () => {};
	private sequence = 0;
	private readonly retries = new Map<string, number>();
	private destroyed = false;

	constructor(
		private readonly principal: PrincipalKey,
		connection: SyncConnection,
		private readonly persistence: OutboxPersistence,
	) {
		this.state = createStore<OutboxState>(() => ({ entries: new Map(), restored: false }));
		// The outbox's durability lives in `persistence`; its Y.Doc is only the transport.
		this.document = connection.open(DocumentNames.outbox(principal), { cache: false });
		this.channel =
			typeof BroadcastChannel === "undefined"
				? null
				: new BroadcastChannel(`cossistant-outbox:${principal}`);
		if (this.channel) this.channel.onmessage = () => void this.restore();
		this.observe(this.document.doc);
		this.document.onReplaced((doc) => this.observe(doc));
	}

	/** Reads the durable queue back (after a reload or another tab's change) and re-sends it. */
	async restore(): Promise<void> {
		const records = await this.persistence.list(this.principal);
		if (this.destroyed) return;
		const entries = new Map(this.state.getState().entries);
		const known = new Set(records.map((r) => r.id));
		for (const record of records) {
			const current = entries.get(record.id);
			if (current?.state === "sent") continue;
			entries.set(record.id, {
				command: record.command,
				state: record.status,
				queuedAt: record.queuedAt,
				failure: record.failure,
			});
			if (record.status === "queued") this.push(record.command);
		}
		// Commands another tab saw applied (and deleted) are no longer queued here either.
		for (const [id, entry] of entries) {
			if (entry.state === "queued" && !known.has(id)) entries.set(id, { ...entry, state: "sent" });
		}
		this.state.setState({ entries, restored: true });
		this.applyKnownResults();
	}

	/**
	 * Queues a command durably. Resolves once it is committed to storage (it then shows as
	 * *queued*); the server's answer arrives later through the state store.
	 */
	async enqueue(command: Command): Promise<void> {
		const record: PendingCommandRecord = {
			id: command.id,
			principal: this.principal,
			command,
			// Monotonic within this tab even for commands queued in the same millisecond.
			queuedAt: Date.now() + (this.sequence++ % 1000) / 1000,
			status: "queued",
		};
		await this.persistence.put(record);
		this.setEntry(command.id, { command, state: "queued", queuedAt: record.queuedAt });
		this.push(command);
		this.channel?.postMessage({ type: "changed" });
	}

	/** Sends a failed command again, under a new command id (the old id's answer is final). */
	async retry(commandId: string): Promise<string | null> {
		const entry = this.state.getState().entries.get(commandId);
		if (entry?.state !== "failed") return null;
		const again = { ...entry.command, id: newId() } as Command;
		await this.discard(commandId);
		await this.enqueue(again);
		return again.id;
	}

	/** Forgets a failed (or queued) command. */
	async discard(commandId: string): Promise<void> {
		await this.persistence.delete(commandId);
		this.removeFromDocument(commandId);
		const entries = new Map(this.state.getState().entries);
		entries.delete(commandId);
		this.state.setState({ entries });
		this.channel?.postMessage({ type: "changed" });
	}

	addListener(listener: OutboxListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	destroy(): void {
		this.destroyed = true;
		this.detach();
		for (const timer of this.timers) clearTimeout(timer);
		this.channel?.close();
	}

	private observe(doc: Y.Doc): void {
		this.detach();
		const results = doc.getMap<unknown>(OUTBOX_KEYS.results);
		const observer = (event: Y.YMapEvent<unknown>) => {
			for (const key of event.keysChanged) this.handleResult(key, results.get(key));
		};
		results.observe(observer);
		this.detach = () => results.unobserve(observer);
		// A replaced replica starts empty: re-send what is still queued.
		for (const entry of this.state.getState().entries.values()) {
			if (entry.state === "queued") this.push(entry.command);
		}
	}

	private applyKnownResults(): void {
		const results = this.document.doc.getMap<unknown>(OUTBOX_KEYS.results);
		for (const [key, value] of results.entries()) this.handleResult(key, value);
	}

	private handleResult(commandId: string, raw: unknown): void {
		const entry = this.state.getState().entries.get(commandId);
		if (entry?.state !== "queued" || raw === undefined) return;
		const parsed = v.safeParse(commandResultSchema, raw);
		const result: CommandResult = parsed.success
			? parsed.output
			: {
					status: "rejected",
					at: Date.now(),
					code: "internal_error",
					reason: "The server answered with an unreadable result.",
					retryable: true,
				};
		if (result.status === "applied") {
			this.setEntry(commandId, { ...entry, state: "sent" });
			void this.persistence
				.delete(commandId)
				.then(() => this.channel?.postMessage({ type: "changed" }));
			this.removeFromDocument(commandId);
			for (const listener of this.listeners) listener.onApplied?.(entry.command);
			// Keep the sent entry a while so views can show it until the shared copy arrives.
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				const entries = new Map(this.state.getState().entries);
				if (entries.get(commandId)?.state === "sent") entries.delete(commandId);
				this.state.setState({ entries });
			}, SENT_LINGER_MS);
			this.timers.add(timer);
			return;
		}
		const attempts = this.retries.get(commandId) ?? 0;
		if (result.retryable && attempts < MAX_AUTOMATIC_RETRIES) {
			// Not recorded by the server (overload, shutdown): the same id may be sent again.
			this.retries.set(commandId, attempts + 1);
			this.removeFromDocument(commandId);
			const timer = setTimeout(
				() => {
					this.timers.delete(timer);
					if (this.state.getState().entries.get(commandId)?.state === "queued")
						this.push(entry.command);
				},
				500 * 2 ** attempts,
			);
			this.timers.add(timer);
			return;
		}
		this.retries.delete(commandId);
		const failure = { code: result.code, reason: result.reason, retryable: result.retryable };
		this.setEntry(commandId, { ...entry, state: "failed", failure });
		void this.persistence.put({
			id: commandId,
			principal: this.principal,
			command: entry.command,
			queuedAt: entry.queuedAt,
			status: "failed",
			failure,
		});
		this.removeFromDocument(commandId);
		for (const listener of this.listeners) listener.onRejected?.(entry.command, failure);
	}

	private push(command: Command): void {
		const commands = this.document.doc.getArray<Command>(OUTBOX_KEYS.commands);
		for (const existing of commands) if (existing.id === command.id) return;
		commands.push([command]);
	}

	/** Prunes a settled command (and its result) so the outbox stays small. */
	private removeFromDocument(commandId: string): void {
		const doc = this.document.doc;
		const commands = doc.getArray<Command>(OUTBOX_KEYS.commands);
		doc.transact(() => {
			for (let index = commands.length - 1; index >= 0; index--) {
				if (commands.get(index)?.id === commandId) commands.delete(index, 1);
			}
			doc.getMap(OUTBOX_KEYS.results).delete(commandId);
		});
	}

	private setEntry(id: string, entry: OutboxEntry): void {
		const entries = new Map(this.state.getState().entries);
		entries.set(id, entry);
		this.state.setState({ entries });
	}
}
