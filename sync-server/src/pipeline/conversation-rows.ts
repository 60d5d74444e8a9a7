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
import type { Conversation as ConversationRow, Prisma } from "../generated/prisma/client.ts";
import { toConversationInput, toConversationSummary } from "../persistence/conversation-rows.ts";
import { type SeenRow, type TimelineRow, upsertSeen } from "./batched-row-writes.ts";
import { CommandRejection } from "./command-rejection.ts";
import type { DocumentWrites } from "./document-writes.ts";
import { VisitorListChanges } from "./visitor-lists.ts";

interface ConversationState {
	row: ConversationRow;
	isNew: boolean;
	/** Row fields changed by this batch (flattened at flush). */
	dirty: boolean;
}

/** An item as a handler describes it; the batch adds seq, time and ids of the conversation. */
export interface NewItem {
	id: string;
	type: TimelineItem["type"];
	parts: TimelinePart[];
	visibility: Visibility;
	visitorId?: string | null;
	userId?: string | null;
	aiAgentId?: string | null;
}

/** What a conversation's documents are named after. */
type ConversationOwner = Pick<ConversationRow, "id" | "visitorId" | "websiteId">;

/** The documents a conversation's writes go to (load them before writing). */
export function conversationDocNames(
	conversation: ConversationOwner,
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

/**
 * The conversations of one command batch: their rows (locked), the timeline items and seen
 * markers the batch adds, and the summaries their documents show.
 *
 * Writes are synchronous and touch the rows in memory and the preloaded replicas only; at
 * flush the changed conversations' summaries go into every document that lists them (the
 * conversation's meta, the website's inbox, the visitor list of every device of its contact),
 * then the rows are written in the batch's transaction.
 */
export class ConversationRows {
	private readonly states = new Map<string, ConversationState>();
	private readonly newItems: Array<TimelineItem & { websiteId: string }> = [];
	private readonly seenRows = new Map<string, SeenRow>();
	/** Item ids in the database or created earlier in this batch. */
	private readonly takenItemIds = new Set<string>();
	private readonly listChanges = new VisitorListChanges();

	constructor(
		private readonly tx: Prisma.TransactionClient,
		private readonly documents: DocumentWrites,
		private readonly now: Date,
		/** Every device of a contact (its visitors), each of which lists the contact's conversations. */
		private readonly devicesOf: (contactId: string) => ReadonlySet<string>,
	) {}

	// ---- loading (async, before handlers run) ---------------------------------------------

	/** Locks and loads conversations (`FOR UPDATE`: serialises processes writing them). */
	async load(ids: readonly string[]): Promise<void> {
		const missing = ids.filter((id) => !this.states.has(id));
		if (missing.length === 0) return;
		// Locked and read in one statement (raw: the same rows as Prisma's findMany, one round trip).
		const rows = await this.tx.$queryRaw<ConversationRow[]>`
			SELECT * FROM "Conversation" WHERE "id" = ANY(${missing}::text[]) ORDER BY "id" FOR UPDATE`;
		for (const row of rows) this.states.set(row.id, { row, isNew: false, dirty: false });
	}

	/** Records item ids that exist already (read with the batch's facts). */
	noteTakenItemIds(ids: readonly string[]): void {
		for (const id of ids) this.takenItemIds.add(id);
	}

	/** Loads the documents the conversations' writes go to. */
	loadDocs(conversations: readonly ConversationOwner[], withPrivate: boolean): Promise<void> {
		return this.documents.load(conversations.flatMap((c) => conversationDocNames(c, withPrivate)));
	}

	// ---- reads ----------------------------------------------------------------------------

	get(id: string): ConversationRow | undefined {
		return this.states.get(id)?.row;
	}

	/** Loaded conversations matching `predicate`. */
	filter(predicate: (row: ConversationRow) => boolean): ConversationRow[] {
		return [...this.states.values()].map((s) => s.row).filter(predicate);
	}

	/** Rejects an item id that exists already (in the database or earlier in this batch). */
	assertItemIdFree(id: string): void {
		if (this.takenItemIds.has(id)) {
			throw new CommandRejection("conflict", `A timeline item with id ${id} already exists.`);
		}
	}

	// ---- writes (synchronous, after all checks) -------------------------------------------

	create(row: Omit<ConversationRow, "createdAt" | "updatedAt" | "lastSeq">): ConversationRow {
		const full: ConversationRow = { ...row, lastSeq: 0, createdAt: this.now, updatedAt: this.now };
		this.states.set(full.id, { row: full, isNew: true, dirty: true });
		this.patchMeta(full.id, {});
		return full;
	}

	/** Changes conversation fields (mirrored into the documents' summaries at flush). */
	patchMeta(conversationId: string, patch: Partial<ConversationRow>): void {
		const state = this.require(conversationId);
		Object.assign(state.row, patch, { updatedAt: this.now });
		state.dirty = true;
	}

	/** Appends an item with the next sequence number and server time; returns it. */
	appendItem(conversationId: string, input: NewItem): TimelineItem {
		const state = this.require(conversationId);
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
		this.documents
			.require(docName)
			.getArray<TimelineItem>(CONVERSATION_DOC_KEYS.timeline)
			.push([item]);
		if (input.visibility === "public") {
			state.row.lastTimelineItem = item as unknown as Prisma.JsonValue;
			state.row.lastItemAt = this.now;
		}
		state.row.updatedAt = this.now;
		state.dirty = true;
		return item;
	}

	/** Records that `participant` (`visitor:<id>` / `user:<id>`) has seen the conversation now. */
	markSeen(conversationId: string, participant: string): void {
		this.require(conversationId);
		const at = this.now.toISOString();
		this.documents
			.require(DocumentNames.conversation(conversationId))
			.getMap<string>(CONVERSATION_DOC_KEYS.seen)
			.set(participant, at);
		this.seenRows.set(`${conversationId}\u0000${participant}`, {
			conversationId,
			participant,
			seenAt: this.now,
		});
	}

	/**
	 * Adds (`show`) or removes a conversation's summary in one visitor's `visitor/{id}` list
	 * without changing the conversation: a device linked to a contact sees the contact's
	 * history; a device moved to another contact stops listing the previous one's.
	 */
	setListed(visitorId: string, conversationId: string, show: boolean): void {
		this.listChanges.set(visitorId, conversationId, show);
	}

	// ---- flush ----------------------------------------------------------------------------

	/**
	 * Writes the changed conversations' summaries, then the list changes, into their documents.
	 * Runs inside DocumentWrites.transactAll, before any row is written.
	 */
	writeSummaries(): void {
		for (const state of this.states.values()) {
			if (state.dirty) this.writeSummary(state.row);
		}
		this.listChanges.write(
			(name) => this.documents.require(name),
			(id) => this.states.get(id)?.row,
		);
	}

	/** Inserts the conversations the batch created (their contacts must exist by now). */
	async flushCreated(): Promise<void> {
		const created = [...this.states.values()].filter((s) => s.isNew).map((s) => s.row);
		if (created.length > 0) {
			await this.tx.conversation.createMany({ data: created.map(toConversationInput) });
		}
	}

	/** Inserts or moves forward the batch's seen markers. */
	flushSeen(): Promise<void> {
		return upsertSeen(this.tx, [...this.seenRows.values()]);
	}

	/** The changed existing conversations and the new items, for the batch's one row statement. */
	batchRows(): { conversations: ConversationRow[]; items: TimelineRow[] } {
		return {
			conversations: [...this.states.values()].filter((s) => !s.isNew && s.dirty).map((s) => s.row),
			items: this.newItems,
		};
	}

	// ---- internals ------------------------------------------------------------------------

	private writeSummary(row: ConversationRow): void {
		const summary = toConversationSummary(row);
		const meta = this.documents
			.require(DocumentNames.conversation(row.id))
			.getMap<unknown>(CONVERSATION_DOC_KEYS.meta);
		for (const [key, value] of Object.entries(summary)) {
			if (JSON.stringify(meta.get(key)) !== JSON.stringify(value)) meta.set(key, value);
		}
		this.documents
			.require(DocumentNames.inbox(row.websiteId))
			.getMap<Conversation>(INBOX_DOC_KEYS.conversations)
			.set(row.id, summary);
		// Every device of the conversation's contact lists it (cross-device history).
		const audience = new Set([row.visitorId]);
		if (row.contactId) {
			for (const id of this.devicesOf(row.contactId)) audience.add(id);
		}
		for (const visitorId of audience) {
			this.documents
				.require(DocumentNames.visitor(visitorId))
				.getMap<Conversation>(VISITOR_DOC_KEYS.conversations)
				.set(row.id, summary);
		}
	}

	private require(conversationId: string): ConversationState {
		const state = this.states.get(conversationId);
		if (!state) throw new Error(`conversation ${conversationId} not loaded in batch`);
		return state;
	}
}
