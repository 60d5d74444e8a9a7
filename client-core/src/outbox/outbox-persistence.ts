import type { Command, CommandRejectionCode } from "@cossistant/types";

/** A command the user issued that the server has not acknowledged yet (or refused). */
export interface PendingCommandRecord {
	id: string;
	/** `visitor:<id>` / `user:<id>`: whose outbox. */
	principal: string;
	command: Command;
	/** Local time it was queued. */
	queuedAt: number;
	/** `queued` until the server answers; `failed` after a rejection (kept for retry/discard). */
	status: "queued" | "failed";
	failure?: { code: CommandRejectionCode; reason: string; retryable: boolean };
}

/**
 * Durable storage of pending commands. `put` resolves only once the write is committed:
 * a command is shown as *queued* only after that, so a tab closed a millisecond later loses
 * nothing.
 */
export interface OutboxPersistence {
	put(record: PendingCommandRecord): Promise<void>;
	delete(id: string): Promise<void>;
	list(principal: string): Promise<PendingCommandRecord[]>;
	close(): void;
}

/** Memory only (Node, servers): durability is the process's lifetime. */
export function memoryOutboxPersistence(): OutboxPersistence {
	const records = new Map<string, PendingCommandRecord>();
	return {
		put: async (record) => {
			records.set(record.id, structuredClone(record));
		},
		delete: async (id) => {
			records.delete(id);
		},
		list: async (principal) =>
			[...records.values()].filter((r) => r.principal === principal).map((r) => structuredClone(r)),
		close: () => {},
	};
}

const DB_NAME = "cossistant-outbox";
const STORE = "commands";

/**
 * IndexedDB, one object store keyed by command id. Writes use `durability: "strict"` and
 * resolve on the transaction's `complete` event, which fires only after the data is committed
 * (y-indexeddb gives no such signal, hence this separate store).
 */
export function indexedDbOutboxPersistence(): OutboxPersistence {
	let opened: Promise<IDBDatabase> | null = null;
	const db = () => {
		opened ??= new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open(DB_NAME, 1);
			request.onupgradeneeded = () => {
				const store = request.result.createObjectStore(STORE, { keyPath: "id" });
				store.createIndex("principal", "principal");
			};
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		return opened;
	};
	const write = async (run: (store: IDBObjectStore) => void) => {
		const database = await db();
		await new Promise<void>((resolve, reject) => {
			const tx = database.transaction(STORE, "readwrite", { durability: "strict" });
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error ?? new Error("outbox write aborted"));
			run(tx.objectStore(STORE));
		});
	};
	return {
		put: (record) => write((store) => store.put(record)),
		delete: (id) => write((store) => store.delete(id)),
		async list(principal) {
			const database = await db();
			return new Promise((resolve, reject) => {
				const request = database
					.transaction(STORE, "readonly")
					.objectStore(STORE)
					.index("principal")
					.getAll(principal);
				request.onsuccess = () =>
					resolve(
						(request.result as PendingCommandRecord[]).sort((a, b) => a.queuedAt - b.queuedAt),
					);
				request.onerror = () => reject(request.error);
			});
		},
		close() {
			void opened?.then((database) => database.close());
			opened = null;
		},
	};
}

/** IndexedDB in browsers, memory elsewhere. */
export function defaultOutboxPersistence(): OutboxPersistence {
	return typeof indexedDB === "undefined"
		? memoryOutboxPersistence()
		: indexedDbOutboxPersistence();
}
