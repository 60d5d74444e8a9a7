import type { Conversation as ConversationRow, Prisma } from "../generated/prisma/client.ts";

/**
 * Set-based writes of one batch: changed conversations, new timeline items, ledger rows and
 * document updates in one statement, seen markers in another, instead of one Prisma call per
 * row. Each Prisma
 * round trip costs ~0.8 ms here, so a batch touching 200 conversations saved ~160 ms of its
 * transaction (the `fanout` and `throughput` benchmarks). They are raw statements with one
 * JSON parameter, unpacked by `jsonb_to_recordset` (PostgreSQL and PGlite both run it): the
 * statement's text is the same whatever the batch's size, whereas Prisma compiles a new query
 * plan for every row count of a `createMany` (its query compiler was a third of the pipeline's
 * CPU in a profile of `throughput`).
 */

/** One participant's last-seen time in a conversation. */
export interface SeenRow {
	conversationId: string;
	participant: string;
	seenAt: Date;
}

/** Inserts or moves forward every seen marker of the batch in one statement. */
export async function upsertSeen(
	tx: Prisma.TransactionClient,
	rows: readonly SeenRow[],
): Promise<void> {
	if (rows.length === 0) return;
	await tx.$executeRaw`
		INSERT INTO "Seen" ("conversationId", "participant", "seenAt")
		SELECT v."conversationId", v."participant", v."seenAt"
		FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
			AS v("conversationId" text, "participant" text, "seenAt" timestamptz)
		ON CONFLICT ("conversationId", "participant") DO UPDATE SET "seenAt" = EXCLUDED."seenAt"`;
}

/** A timeline row of the batch (the conversation's `seq` already assigned). */
export interface TimelineRow {
	id: string;
	conversationId: string;
	seq: number;
	type: string;
	parts: unknown;
	visibility: string;
	visitorId?: string | null;
	userId?: string | null;
	aiAgentId?: string | null;
}

/** A command's outcome, written once (the ledger answers a command sent again). */
export interface LedgerRow {
	id: string;
	principal: string;
	type: string;
	status: string;
	code: string | null;
	reason: string | null;
}

/** What every batch writes: the rows of its commands and the Yjs updates of its documents. */
export interface BatchRows {
	/** Existing conversations the batch changed (already locked `FOR UPDATE`). */
	conversations: readonly ConversationRow[];
	items: readonly TimelineRow[];
	ledger: readonly LedgerRow[];
	/** One merged update per document. */
	docUpdates: ReadonlyArray<{ docName: string; update: Uint8Array }>;
	now: Date;
}

/**
 * Writes a batch's conversations, timeline items, ledger rows and document updates in one
 * statement (data-modifying CTEs: one round trip instead of four, which on a 2-core machine is
 * most of a small batch's cost). Returns the new update-log id per document. Rows whose table
 * gets nothing are empty arrays, which insert or update nothing.
 */
export async function writeBatchRows(
	tx: Prisma.TransactionClient,
	rows: BatchRows,
): Promise<Map<string, bigint>> {
	const { now } = rows;
	const written = await tx.$queryRaw<Array<{ id: bigint | number; docName: string }>>`
		WITH "conversations" AS (
			UPDATE "Conversation" AS c SET
				"contactId" = v."contactId",
				"title" = v."title",
				"status" = v."status",
				"priority" = v."priority",
				"tags" = ARRAY(SELECT jsonb_array_elements_text(v."tags")),
				"assigneeIds" = ARRAY(SELECT jsonb_array_elements_text(v."assigneeIds")),
				"participantIds" = ARRAY(SELECT jsonb_array_elements_text(v."participantIds")),
				"lastSeq" = v."lastSeq",
				"lastTimelineItem" = COALESCE(v."lastTimelineItem", c."lastTimelineItem"),
				"lastItemAt" = v."lastItemAt",
				"resolvedAt" = v."resolvedAt",
				"resolvedById" = v."resolvedById",
				"updatedAt" = v."updatedAt"
			FROM jsonb_to_recordset(${conversationsJson(rows.conversations)}::jsonb) AS v(
				"id" text, "contactId" text, "title" text, "status" text, "priority" text,
				"tags" jsonb, "assigneeIds" jsonb, "participantIds" jsonb, "lastSeq" integer,
				"lastTimelineItem" jsonb, "lastItemAt" timestamptz, "resolvedAt" timestamptz,
				"resolvedById" text, "updatedAt" timestamptz
			)
			WHERE c."id" = v."id"
		), "items" AS (
			INSERT INTO "TimelineItem" ("id", "conversationId", "seq", "type", "parts", "visibility",
				"visitorId", "userId", "aiAgentId", "createdAt", "updatedAt")
			SELECT v."id", v."conversationId", v."seq", v."type", v."parts", v."visibility",
				v."visitorId", v."userId", v."aiAgentId", ${now}, ${now}
			FROM jsonb_to_recordset(${itemsJson(rows.items)}::jsonb) AS v(
				"id" text, "conversationId" text, "seq" integer, "type" text, "parts" jsonb,
				"visibility" text, "visitorId" text, "userId" text, "aiAgentId" text
			)
		), "ledger" AS (
			INSERT INTO "CommandLedger" ("id", "principal", "type", "status", "code", "reason", "createdAt")
			SELECT v."id", v."principal", v."type", v."status", v."code", v."reason", ${now}
			FROM jsonb_to_recordset(${JSON.stringify(rows.ledger)}::jsonb) AS v(
				"id" text, "principal" text, "type" text, "status" text, "code" text, "reason" text
			)
		)
		INSERT INTO "DocUpdate" ("docName", "data")
		SELECT v."docName", decode(v."data", 'base64')
		FROM jsonb_to_recordset(${docUpdatesJson(rows.docUpdates)}::jsonb) AS v("docName" text, "data" text)
		RETURNING "id", "docName"`;
	return new Map(written.map((row) => [row.docName, BigInt(row.id)]));
}

function conversationsJson(rows: readonly ConversationRow[]): string {
	return JSON.stringify(
		rows.map((row) => ({
			id: row.id,
			contactId: row.contactId,
			title: row.title,
			status: row.status,
			priority: row.priority,
			tags: row.tags,
			assigneeIds: row.assigneeIds,
			participantIds: row.participantIds,
			lastSeq: row.lastSeq,
			// null keeps the stored one, as Prisma's `undefined` did.
			lastTimelineItem: row.lastTimelineItem ?? null,
			lastItemAt: row.lastItemAt,
			resolvedAt: row.resolvedAt,
			resolvedById: row.resolvedById,
			updatedAt: row.updatedAt,
		})),
	);
}

function itemsJson(rows: readonly TimelineRow[]): string {
	return JSON.stringify(
		rows.map((row) => ({
			id: row.id,
			conversationId: row.conversationId,
			seq: row.seq,
			type: row.type,
			parts: row.parts,
			visibility: row.visibility,
			visitorId: row.visitorId ?? null,
			userId: row.userId ?? null,
			aiAgentId: row.aiAgentId ?? null,
		})),
	);
}

/** Updates travel as base64 inside the JSON parameter (one parameter, one statement text). */
function docUpdatesJson(entries: BatchRows["docUpdates"]): string {
	return JSON.stringify(
		entries.map((entry) => ({
			docName: entry.docName,
			data: Buffer.from(
				entry.update.buffer,
				entry.update.byteOffset,
				entry.update.byteLength,
			).toString("base64"),
		})),
	);
}
