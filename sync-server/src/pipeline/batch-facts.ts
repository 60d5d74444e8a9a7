import type { Prisma } from "../generated/prisma/client.ts";
import type { LedgerRow } from "./batched-row-writes.ts";

/** What a batch knows about an upload referenced by a visitor's message part. */
export interface UploadFacts {
	id: string;
	websiteId: string;
	conversationId: string | null;
	/** `visitor:<id>` | `user:<id>` */
	uploadedBy: string;
	/** What the server recorded when it checked the bytes (see uploads/): the only truth. */
	fileName: string;
	mimeType: string;
	size: number;
}

/** What the batch knows about a visitor involved in its commands. */
export interface VisitorFacts {
	id: string;
	websiteId: string;
	contactId: string | null;
	isBlocked: boolean;
}

/** A command already in the ledger (sent again: answered from here). */
export type KnownCommand = LedgerRow & { createdAt: Date };

/** The ids a batch asks about. */
export interface BatchFactIds {
	itemIds: readonly string[];
	visitorIds: readonly string[];
	uploadIds: readonly string[];
	commandIds: readonly string[];
}

export interface BatchFacts {
	/** Of the item ids the commands bring, those that exist already. */
	takenItemIds: string[];
	visitors: VisitorFacts[];
	uploads: UploadFacts[];
	ledger: KnownCommand[];
}

/**
 * Everything a batch reads besides its conversations, in one statement: which new item ids are
 * taken, the issuing visitors, the uploads attachments name, and the ledger rows of commands
 * sent before. Four round trips were most of a small batch's cost on a 2-core machine (see the
 * `throughput` benchmark at low rates); the rows travel as JSON aggregates.
 */
export async function readBatchFacts(
	tx: Prisma.TransactionClient,
	ids: BatchFactIds,
): Promise<BatchFacts> {
	const [row] = await tx.$queryRaw<
		Array<Omit<BatchFacts, "ledger"> & { ledger: Array<LedgerRow & { createdAt: string }> }>
	>`
		SELECT
			ARRAY(SELECT t."id" FROM "TimelineItem" t WHERE t."id" = ANY(${[...ids.itemIds]}::text[]))
				AS "takenItemIds",
			COALESCE((
				SELECT json_agg(json_build_object('id', v."id", 'websiteId', v."websiteId",
					'contactId', v."contactId", 'isBlocked', v."isBlocked"))
				FROM "Visitor" v WHERE v."id" = ANY(${[...ids.visitorIds]}::text[])
			), '[]'::json) AS "visitors",
			COALESCE((
				SELECT json_agg(json_build_object('id', u."id", 'websiteId', u."websiteId",
					'conversationId', u."conversationId", 'uploadedBy', u."uploadedBy",
					'fileName', u."fileName", 'mimeType', u."mimeType", 'size', u."size"))
				FROM "Upload" u WHERE u."id" = ANY(${[...ids.uploadIds]}::text[])
			), '[]'::json) AS "uploads",
			COALESCE((
				SELECT json_agg(json_build_object('id', l."id", 'principal', l."principal",
					'type', l."type", 'status', l."status", 'code', l."code", 'reason', l."reason",
					'createdAt', l."createdAt"))
				FROM "CommandLedger" l WHERE l."id" = ANY(${[...ids.commandIds]}::text[])
			), '[]'::json) AS "ledger"`;
	if (!row) throw new Error("batch facts query returned no row");
	return {
		takenItemIds: row.takenItemIds,
		visitors: row.visitors,
		uploads: row.uploads,
		ledger: row.ledger.map((entry) => ({ ...entry, createdAt: new Date(entry.createdAt) })),
	};
}
