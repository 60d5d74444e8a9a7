import {
	CONVERSATION_DOC_KEYS,
	type Conversation,
	DocumentNames,
	INBOX_DOC_KEYS,
	type TimelineItem,
	type TimelinePart,
	VISITOR_DOC_KEYS,
	type Visibility,
} from "@cossistant/types";
import type * as Y from "yjs";
import { mergeUpdates, transact } from "yjs";
import type { ShadowDocs } from "../documents/shadow-docs.ts";
import type { Conversation as ConversationRow, Prisma } from "../generated/prisma/client.ts";
import { toConversationInput, toConversationSummary } from "../persistence/conversation-rows.ts";
import type { DocStore } from "../persistence/doc-store.ts";
import {
	type BatchFactIds,
	type KnownCommand,
	readBatchFacts,
	type UploadFacts,
	type VisitorFacts,
} from "./batch-facts.ts";
import { type LedgerRow, upsertSeen, writeBatchRows } from "./batched-row-writes.ts";
import { CommandRejection } from "./command-rejection.ts";
import { SupportRows } from "./support-rows.ts";
import { VisitorListChanges } from "./visitor-lists.ts";

/** A Prisma interactive-transaction client. */
export type TransactionClient = Prisma.TransactionClient;

interface ConversationState {
	row: ConversationRow;
	isNew: boolean;
	/** Row fields changed by this batch (flattened at flush). */
	dirty: boolean;
}

/** An item as a handler describes it; the context adds seq, time and ids of the conversation. */
export interface NewItem {
	id: string;
	type: TimelineItem["type"];
	parts: TimelinePart[];
	visibility: Visibility;
	visitorId?: string | null;
	userId?: string | null;
	aiAgentId?: string | null;
}

/**
 * Something a committed batch implies outside the database, run by the pipeline only after the
 * commit (never for a rolled-back batch): e.g. closing a blocked visitor's open sockets.
 */
export type CommittedEffect = { type: "visitorBlocked"; visitorId: string };

/**
 * The state of one command batch inside its database transaction.
 *
 * Contract for handlers: first check (read, and throw `CommandRejection`), then write. Writes
 * are synchronous and infallible (they touch memory and preloaded replicas only), so a
 * rejected command never leaves anything half-written. Everything written here is flattened
 * into rows and persisted with the Yjs updates by `flush()`, in the same transaction.
 */
export class BatchContext {
	readonly now: Date;
	private readonly conversations = new Map<string, ConversationState>();
	private readonly visitors = new Map<string, VisitorFacts>();
	private readonly newItems: Array<TimelineItem & { websiteId: string }> = [];
	private readonly seenRows = new Map<
		string,
		{ conversationId: string; participant: string; seenAt: Date }
	>();
	private readonly docs = new Map<string, Y.Doc>();
	private readonly capturedUpdates = new Map<string, Uint8Array[]>();
	private readonly detachers: Array<() => void> = [];
	private readonly takenItemIds = new Set<string>();
	private readonly uploads = new Map<string, UploadFacts>();
	private readonly contacts = new Map<string, { id: string; metadataHash: string | null }>();
	private readonly contactMetadata = new Map<
		string,
		{ metadata: Prisma.InputJsonValue; metadataHash: string }
	>();
	private readonly visitorBlocks = new Map<
		string,
		{ isBlocked: boolean; blockedAt: Date | null; blockedById: string | null }
	>();
	private readonly effects: CommittedEffect[] = [];
	/** Row writes of tables only one handler touches (e.g. organizations), run at flush. */
	private readonly rowWrites: Array<(tx: TransactionClient) => Promise<unknown>> = [];
	/** Visitor, contact and organization rows and the visitor documents' `profile` maps. */
	readonly support: SupportRows;
	private readonly listChanges = new VisitorListChanges();

	constructor(
		readonly tx: TransactionClient,
		private readonly shadows: ShadowDocs,
		now: Date = new Date(),
		/** Set when several processes write (REDIS_URL): replicas must catch up under a lock. */
		private readonly coordination?: { store: DocStore },
	) {
		this.now = now;
		this.support = new SupportRows(tx, (names) => this.loadDocs(names));
	}

	// ---- preloading (async, before handlers run) -------------------------------------------

	/** Locks and loads the conversations the batch touches (`FOR UPDATE`: serialises processes). */
	async loadConversations(ids: readonly string[]): Promise<void> {
		const missing = ids.filter((id) => !this.conversations.has(id));
		if (missing.length === 0) return;
		// Locked and read in one statement (raw: the same rows as Prisma's findMany, one round trip).
		const rows = await this.tx.$queryRaw<ConversationRow[]>`
			SELECT * FROM "Conversation" WHERE "id" = ANY(${missing}::text[]) ORDER BY "id" FOR UPDATE`;
		for (const row of rows) this.conversations.set(row.id, { row, isNew: false, dirty: false });
	}

	/**
	 * Loads the batch's visitors, uploads and taken item ids, and returns the ledger rows of
	 * commands sent before, in one statement (see readBatchFacts).
	 */
	async loadFacts(ids: BatchFactIds): Promise<KnownCommand[]> {
		const facts = await readBatchFacts(this.tx, ids);
		for (const row of facts.visitors) this.visitors.set(row.id, row);
		for (const row of facts.uploads) this.uploads.set(row.id, row);
		for (const id of facts.takenItemIds) this.takenItemIds.add(id);
		return facts.ledger;
	}

	/** Loads the metadata hashes of contacts (to skip unchanged metadata writes). */
	async loadContacts(ids: readonly string[]): Promise<void> {
		const missing = [...new Set(ids)].filter((id) => !this.contacts.has(id));
		if (missing.length === 0) return;
		const rows = await this.tx.contact.findMany({
			where: { id: { in: missing } },
			select: { id: true, metadataHash: true },
		});
		for (const row of rows) this.contacts.set(row.id, row);
	}

	contact(id: string): { id: string; metadataHash: string | null } | undefined {
		return this.contacts.get(id);
	}

	/** Replaces a contact's metadata (flattened at flush). */
	setContactMetadata(
		contactId: string,
		metadata: Prisma.InputJsonValue,
		metadataHash: string,
	): void {
		const contact = this.contacts.get(contactId);
		if (contact) contact.metadataHash = metadataHash;
		// A contact created by identify earlier in this batch is known from now on.
		else this.contacts.set(contactId, { id: contactId, metadataHash });
		this.contactMetadata.set(contactId, { metadata, metadataHash });
		this.support.noteContactMetadata(contactId, metadata as Prisma.JsonValue, metadataHash);
	}

	/**
	 * Links a visitor to a contact: later commands of the batch see the link (a conversation it
	 * starts gets the contact), and its profile is rewritten. The contact's devices must be
	 * loaded (`support.loadAudience`).
	 */
	linkVisitorToContact(visitorId: string, contactId: string): void {
		const facts = this.visitors.get(visitorId);
		if (facts) facts.contactId = contactId;
		this.support.linkVisitor(visitorId, contactId);
	}

	/** Loaded conversations matching `predicate` (rows locked by loadConversations). */
	loadedConversations(predicate: (row: ConversationRow) => boolean): ConversationRow[] {
		return [...this.conversations.values()].map((s) => s.row).filter(predicate);
	}

	/**
	 * Adds (`show`) or removes a conversation's summary in one visitor's `visitor/{id}` list
	 * without changing the conversation: a device linked to a contact sees the contact's
	 * history; a device moved to another contact stops listing the previous one's.
	 */
	setListed(visitorId: string, conversationId: string, show: boolean): void {
		this.listChanges.set(visitorId, conversationId, show);
	}

	/** Rejects an item id that exists already (in the database or earlier in this batch). */
	assertItemIdFree(id: string): void {
		if (this.takenItemIds.has(id)) {
			throw new CommandRejection("conflict", `A timeline item with id ${id} already exists.`);
		}
	}

	/** Loads (and starts capturing updates of) the replicas of the given documents. */
	async loadDocs(names: readonly string[]): Promise<void> {
		const fresh = [...new Set(names)].filter((name) => !this.docs.has(name)).sort();
		if (fresh.length === 0) return;
		if (this.coordination) await this.catchUpWithOtherProcesses(fresh);
		const replicas = await this.shadows.getMany(fresh, this.tx);
		for (const [index, name] of fresh.entries()) {
			const doc = replicas[index] as Y.Doc;
			this.docs.set(name, doc);
			const capture = (update: Uint8Array) => {
				const list = this.capturedUpdates.get(name);
				if (list) list.push(update);
				else this.capturedUpdates.set(name, [update]);
			};
			doc.on("update", capture);
			this.detachers.push(() => doc.off("update", capture));
		}
	}

	/**
	 * With several processes, another one may have written a document since this process's
	 * replica last saw it. Each document's transaction-scoped advisory lock (taken in sorted
	 * order: no deadlocks) serialises its writers, so under it the rows above the replica's
	 * watermark are exactly what it misses; they are applied before this batch writes.
	 */
	private async catchUpWithOtherProcesses(names: readonly string[]): Promise<void> {
		await this.tx.$executeRaw`
			SELECT pg_advisory_xact_lock(hashtextextended(name, 0))
			FROM (SELECT unnest(${names}::text[]) AS name ORDER BY 1) AS ordered`;
		const cached = names.filter((name) => this.shadows.has(name));
		const watermarks = new Map(cached.map((name) => [name, this.shadows.watermark(name)] as const));
		const missed = await this.coordination?.store.catchUp(this.tx, watermarks);
		for (const [name, { updates, watermark }] of missed ?? []) {
			this.shadows.applyExternal(name, updates, watermark);
		}
	}

	/** The documents a conversation's writes go to (call loadDocs with these first). */
	static docsOf(
		conversation: { id: string; visitorId: string; websiteId: string },
		withPrivate: boolean,
	): string[] {
		const names = [
			DocumentNames.conversation(conversation.id),
			DocumentNames.visitor(conversation.visitorId),
			DocumentNames.inbox(conversation.websiteId),
		];
		if (withPrivate) names.push(DocumentNames.conversationPrivate(conversation.id));
		return names;
	}

	// ---- reads ----------------------------------------------------------------------------

	conversation(id: string): ConversationRow | undefined {
		return this.conversations.get(id)?.row;
	}

	visitor(id: string): VisitorFacts | undefined {
		return this.visitors.get(id);
	}

	/** An upload preloaded by `loadFacts`, or undefined when it does not exist. */
	upload(id: string): UploadFacts | undefined {
		return this.uploads.get(id);
	}

	// ---- writes (synchronous, after all checks) -------------------------------------------

	createConversation(
		row: Omit<ConversationRow, "createdAt" | "updatedAt" | "lastSeq">,
	): ConversationRow {
		const full: ConversationRow = { ...row, lastSeq: 0, createdAt: this.now, updatedAt: this.now };
		this.conversations.set(full.id, { row: full, isNew: true, dirty: true });
		this.patchMeta(full.id, {});
		return full;
	}

	/** Changes conversation fields and mirrors them into the document's meta map. */
	patchMeta(conversationId: string, patch: Partial<ConversationRow>): void {
		const state = this.requireState(conversationId);
		Object.assign(state.row, patch, { updatedAt: this.now });
		state.dirty = true;
	}

	/** Appends an item with the next sequence number and server time; returns it. */
	appendItem(conversationId: string, input: NewItem): TimelineItem {
		const state = this.requireState(conversationId);
		this.takenItemIds.add(input.id);
		state.row.lastSeq += 1;
		const createdAt = this.now.toISOString();
		const item: TimelineItem = {
			id: input.id,
			conversationId,
			seq: state.row.lastSeq,
			type: input.type,
			parts: input.parts,
			visibility: input.visibility,
			visitorId: input.visitorId ?? null,
			userId: input.userId ?? null,
			aiAgentId: input.aiAgentId ?? null,
			createdAt,
			updatedAt: createdAt,
		};
		this.newItems.push({ ...item, websiteId: state.row.websiteId });
		const docName =
			input.visibility === "private"
				? DocumentNames.conversationPrivate(conversationId)
				: DocumentNames.conversation(conversationId);
		this.requireDoc(docName).getArray<TimelineItem>(CONVERSATION_DOC_KEYS.timeline).push([item]);
		if (input.visibility === "public") {
			state.row.lastTimelineItem = item as unknown as Prisma.JsonValue;
			state.row.lastItemAt = this.now;
		}
		state.row.updatedAt = this.now;
		state.dirty = true;
		return item;
	}

	/** Blocks or unblocks a visitor (row written at flush; later commands of the batch see it). */
	setVisitorBlocked(visitorId: string, blocked: boolean, byUserId: string | null): void {
		const visitor = this.visitors.get(visitorId);
		if (visitor) visitor.isBlocked = blocked;
		this.visitorBlocks.set(visitorId, {
			isBlocked: blocked,
			blockedAt: blocked ? this.now : null,
			blockedById: blocked ? byUserId : null,
		});
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

	/** Records that `participant` (`visitor:<id>` / `user:<id>`) has seen the conversation now. */
	markSeen(conversationId: string, participant: string): void {
		this.requireState(conversationId);
		const at = this.now.toISOString();
		this.requireDoc(DocumentNames.conversation(conversationId))
			.getMap<string>(CONVERSATION_DOC_KEYS.seen)
			.set(participant, at);
		this.seenRows.set(`${conversationId}\u0000${participant}`, {
			conversationId,
			participant,
			seenAt: this.now,
		});
	}

	// ---- flush ----------------------------------------------------------------------------

	/**
	 * Writes the summaries into their documents, then every row (with the batch's `ledger` rows)
	 * and every captured Yjs update, inside the batch's transaction. Returns the
	 * committed-to-be updates per document.
	 */
	async flush(ledger: readonly LedgerRow[]): Promise<Map<string, Uint8Array>> {
		// One Yjs transaction per document for all of them: each `set` on its own was a transaction
		// that encoded an update (a third of a batch's CPU in a throughput profile).
		transactAll([...this.docs.values()], () => {
			for (const state of this.conversations.values()) {
				if (state.dirty) this.writeSummary(state.row);
			}
			this.listChanges.write(
				(name) => this.requireDoc(name),
				(id) => this.conversations.get(id)?.row,
			);
			this.support.writeProfiles((name) => this.requireDoc(name));
		});
		for (const detach of this.detachers) detach();
		for (const write of this.rowWrites) await write(this.tx);
		// Contacts first: conversations written below may reference a contact created here.
		await this.support.flush();

		const created = [...this.conversations.values()].filter((s) => s.isNew).map((s) => s.row);
		if (created.length > 0) {
			await this.tx.conversation.createMany({ data: created.map(toConversationInput) });
		}
		for (const [id, data] of this.contactMetadata) {
			await this.tx.contact.update({ where: { id }, data });
		}
		for (const [id, data] of this.visitorBlocks) {
			await this.tx.visitor.update({ where: { id }, data });
		}
		await upsertSeen(this.tx, [...this.seenRows.values()]);
		const merged = new Map<string, Uint8Array>();
		for (const [name, updates] of this.capturedUpdates) {
			merged.set(name, updates.length === 1 ? (updates[0] as Uint8Array) : mergeUpdates(updates));
		}
		const ids = await writeBatchRows(this.tx, {
			conversations: [...this.conversations.values()]
				.filter((s) => !s.isNew && s.dirty)
				.map((s) => s.row),
			items: this.newItems,
			ledger,
			docUpdates: [...merged].map(([docName, update]) => ({ docName, update })),
			now: this.now,
		});
		for (const [docName, id] of ids) this.shadows.advance(docName, id);
		return merged;
	}

	/** Names of every replica this batch touched (to evict them if the transaction fails). */
	touchedDocs(): string[] {
		return [...this.docs.keys()];
	}

	/** Stops capturing (after a failure). */
	dispose(): void {
		for (const detach of this.detachers) detach();
	}

	private writeSummary(row: ConversationRow): void {
		const summary = toConversationSummary(row);
		const meta = this.requireDoc(DocumentNames.conversation(row.id)).getMap<unknown>(
			CONVERSATION_DOC_KEYS.meta,
		);
		for (const [key, value] of Object.entries(summary)) {
			if (JSON.stringify(meta.get(key)) !== JSON.stringify(value)) meta.set(key, value);
		}
		this.requireDoc(DocumentNames.inbox(row.websiteId))
			.getMap<Conversation>(INBOX_DOC_KEYS.conversations)
			.set(row.id, summary);
		// Every device of the conversation's contact lists it (cross-device history).
		const audience = new Set([row.visitorId]);
		if (row.contactId) {
			for (const id of this.support.visitorsOfContact(row.contactId)) audience.add(id);
		}
		for (const visitorId of audience) {
			this.requireDoc(DocumentNames.visitor(visitorId))
				.getMap<Conversation>(VISITOR_DOC_KEYS.conversations)
				.set(row.id, summary);
		}
	}

	private requireState(conversationId: string): ConversationState {
		const state = this.conversations.get(conversationId);
		if (!state) throw new Error(`conversation ${conversationId} not loaded in batch`);
		return state;
	}

	private requireDoc(name: string): Y.Doc {
		const doc = this.docs.get(name);
		if (!doc) throw new Error(`document ${name} not preloaded in batch`);
		return doc;
	}
}

/** Runs `fn` inside one transaction of every document (nested), so each emits one update. */
function transactAll(docs: readonly Y.Doc[], fn: () => void, from = 0): void {
	const doc = docs[from];
	if (!doc) {
		fn();
		return;
	}
	transact(doc, () => transactAll(docs, fn, from + 1));
}
