import type { ShadowDocs } from "../documents/shadow-docs.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { DocStore } from "../persistence/doc-store.ts";
import {
	type BatchFactIds,
	type KnownCommand,
	readBatchFacts,
	type UploadFacts,
} from "./batch-facts.ts";
import { type LedgerRow, writeBatchRows } from "./batched-row-writes.ts";
import { ContactRows } from "./contact-rows.ts";
import { ConversationRows } from "./conversation-rows.ts";
import { DocumentWrites } from "./document-writes.ts";

/** A Prisma interactive-transaction client. */
export type TransactionClient = Prisma.TransactionClient;

/**
 * Something a committed batch implies outside the database, run by the pipeline only after the
 * commit (never for a rolled-back batch): e.g. closing a blocked visitor's open sockets.
 */
export type CommittedEffect =
	| { type: "visitorBlocked"; visitorId: string }
	| { type: "visitorUnblocked"; visitorId: string };

/**
 * The state of one command batch inside its database transaction: one unit of work per
 * aggregate (`conversations`, `contacts`, and the Yjs `documents` both write to), composed
 * here and flushed together by `flush`.
 *
 * Contract for handlers: first check (read, and throw `CommandRejection`), then write. Writes
 * are synchronous and infallible (they touch memory and preloaded replicas only), so a
 * rejected command never leaves anything half-written. Everything written is flattened into
 * rows and persisted with the Yjs updates by `flush()`, in the same transaction.
 */
export class BatchContext {
	readonly now: Date;
	/** The replicas of every document the batch writes, and the updates they capture. */
	readonly documents: DocumentWrites;
	/** Conversations: rows, timeline items, seen markers, summaries. */
	readonly conversations: ConversationRows;
	/** Contacts and visitors: identity, metadata, blocks, devices, flags and onboarding. */
	readonly contacts: ContactRows;
	private readonly uploads = new Map<string, UploadFacts>();
	private readonly effects: CommittedEffect[] = [];
	/** Row writes of tables only one handler touches (e.g. organizations), run at flush. */
	private readonly rowWrites: Array<(tx: TransactionClient) => Promise<unknown>> = [];

	constructor(
		readonly tx: TransactionClient,
		shadows: ShadowDocs,
		now: Date = new Date(),
		/** Set when several processes write (REDIS_URL): replicas must catch up under a lock. */
		coordination?: { store: DocStore },
	) {
		this.now = now;
		this.documents = new DocumentWrites(tx, shadows, coordination);
		this.contacts = new ContactRows(tx, this.documents, now);
		this.conversations = new ConversationRows(tx, this.documents, now, (contactId) =>
			this.contacts.devicesOf(contactId),
		);
	}

	/**
	 * Loads the batch's visitors, uploads and taken item ids, and returns the ledger rows of
	 * commands sent before, in one statement (see readBatchFacts).
	 */
	async loadFacts(ids: BatchFactIds): Promise<KnownCommand[]> {
		const facts = await readBatchFacts(this.tx, ids);
		this.contacts.noteVisitorFacts(facts.visitors);
		for (const row of facts.uploads) this.uploads.set(row.id, row);
		this.conversations.noteTakenItemIds(facts.takenItemIds);
		return facts.ledger;
	}

	/** An upload preloaded by `loadFacts`, or undefined when it does not exist. */
	upload(id: string): UploadFacts | undefined {
		return this.uploads.get(id);
	}

	/**
	 * Queues a row write for flush, for tables no other part of the batch writes (e.g. a contact
	 * organization's name). Runs in the batch's transaction, in queue order, before contacts are
	 * written (so a contact may reference an organization created in the same batch).
	 */
	addRowWrite(write: (tx: TransactionClient) => Promise<unknown>): void {
		this.rowWrites.push(write);
	}

	/** Queues an effect to run once this batch has committed. */
	addEffect(effect: CommittedEffect): void {
		this.effects.push(effect);
	}

	/** The effects of the batch (the pipeline runs them after the commit). */
	committedEffects(): readonly CommittedEffect[] {
		return this.effects;
	}

	/**
	 * Writes the summaries and profiles into their documents, then every row (with the batch's
	 * `ledger` rows) and every captured Yjs update, inside the batch's transaction. Returns the
	 * committed-to-be updates per document.
	 */
	async flush(ledger: readonly LedgerRow[]): Promise<Map<string, Uint8Array>> {
		this.documents.transactAll(() => {
			this.conversations.writeSummaries();
			this.contacts.writeProfiles();
		});
		this.documents.stopCapturing();
		for (const write of this.rowWrites) await write(this.tx);
		// Contacts first: conversations inserted below may reference a contact created here.
		await this.contacts.flushRows();
		await this.conversations.flushCreated();
		await this.contacts.flushMetadataAndBlocks();
		await this.conversations.flushSeen();
		const merged = this.documents.mergedUpdates();
		const logIds = await writeBatchRows(this.tx, {
			...this.conversations.batchRows(),
			ledger,
			docUpdates: [...merged].map(([docName, update]) => ({ docName, update })),
			now: this.now,
		});
		this.documents.advance(logIds);
		return merged;
	}

	/** Names of every replica this batch touched (to evict them if the transaction fails). */
	touchedDocs(): string[] {
		return this.documents.touched();
	}

	/** Stops capturing (after a failure). */
	dispose(): void {
		this.documents.stopCapturing();
	}
}
