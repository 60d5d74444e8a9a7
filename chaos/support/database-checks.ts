import { DocumentNames, type TimelineItem } from "@cossistant/types";
import { expect } from "vitest";
import type { Database } from "../../sync-server/src/persistence/database.ts";
import type { ChaosClient, ChaosCommand } from "./chaos-client.ts";

/** Bound parameters per query (PostgreSQL allows 65 535). */
const CHUNK = 5_000;

function chunks<T>(items: readonly T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
	return out;
}

/** The timeline item a command creates, if any, and where it must land. */
function createdItem(
	command: ChaosCommand,
): { id: string; conversationId: string; visibility: "public" | "private" } | null {
	const conversationId = command.conversationId as string;
	if (command.type === "message.send")
		return { id: command.itemId as string, conversationId, visibility: "public" };
	if (command.type === "note.add")
		return { id: command.itemId as string, conversationId, visibility: "private" };
	if (command.type === "conversation.start") {
		const initial = command.initialMessage as { itemId: string } | undefined;
		return initial ? { id: initial.itemId, conversationId, visibility: "public" } : null;
	}
	return null;
}

/**
 * Checks PostgreSQL / PGlite against what the clients sent and what their replicas show:
 * - the command ledger holds exactly the commands sent (by id), each applied once, under
 *   the principal that sent it;
 * - every message and note a client sent is exactly one row, in its conversation, with the
 *   right visibility (no loss, no duplicates);
 * - per conversation, the rows in `seq` order are the replicas' public and private timelines,
 *   with gap-free sequence numbers, and the conversation row's status, priority and tags are
 *   the replicas' meta.
 */
export async function expectDatabaseMatches(
	db: Database,
	clients: readonly ChaosClient[],
	contents: ReadonlyMap<string, Record<string, unknown>>,
): Promise<{ commands: number; items: number }> {
	const sent = clients.flatMap((client) =>
		[...client.sent.values()].map((command) => ({
			command,
			principal: client.participant.principal,
		})),
	);
	const commandIds = sent.map((s) => s.command.id);
	expect(new Set(commandIds).size, "command ids are unique").toBe(commandIds.length);

	const ledger = new Map<string, { principal: string; status: string; code: string | null }>();
	for (const ids of chunks(commandIds)) {
		const rows = await db.prisma.commandLedger.findMany({ where: { id: { in: ids } } });
		for (const row of rows) ledger.set(row.id, row);
	}
	const ledgerProblems = sent.flatMap(({ command, principal }) => {
		const row = ledger.get(command.id);
		if (!row) return [`${command.type} ${command.id}: not in the ledger`];
		if (row.principal !== principal) return [`${command.id}: ledger principal ${row.principal}`];
		if (row.status !== "applied") return [`${command.id}: ${row.status} ${row.code}`];
		return [];
	});
	expect(ledgerProblems.slice(0, 10), "ledger").toEqual([]);
	expect(ledger.size).toBe(commandIds.length);

	const expectedItems = sent.flatMap(({ command }) => createdItem(command) ?? []);
	const rows = new Map<string, { conversationId: string; visibility: string }>();
	for (const ids of chunks(expectedItems.map((item) => item.id))) {
		const found = await db.prisma.timelineItem.findMany({
			where: { id: { in: ids } },
			select: { id: true, conversationId: true, visibility: true },
		});
		for (const row of found) rows.set(row.id, row);
	}
	const itemProblems = expectedItems.flatMap((item) => {
		const row = rows.get(item.id);
		if (!row) return [`item ${item.id}: lost`];
		if (row.conversationId !== item.conversationId || row.visibility !== item.visibility)
			return [`item ${item.id}: in ${row.conversationId} as ${row.visibility}`];
		return [];
	});
	expect(itemProblems.slice(0, 10), "items sent vs rows").toEqual([]);

	for (const [name, content] of contents) {
		if (!name.startsWith("conv/") || name.endsWith("/private")) continue;
		const conversationId = name.slice("conv/".length);
		const [conversation, items] = await Promise.all([
			db.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } }),
			db.prisma.timelineItem.findMany({
				where: { conversationId },
				orderBy: { seq: "asc" },
				select: { id: true, seq: true, visibility: true },
			}),
		]);
		expect(
			items.map((item) => item.seq),
			`${name}: gap-free seq`,
		).toEqual(items.map((_, index) => index + 1));
		expect(conversation.lastSeq, `${name}: lastSeq`).toBe(items.length);
		const publicIds = (content.timeline as TimelineItem[]).map((item) => item.id);
		expect(new Set(publicIds).size, `${name}: no duplicate items`).toBe(publicIds.length);
		expect(
			items.filter((item) => item.visibility === "public").map((item) => item.id),
			`${name}: public rows = replica timeline`,
		).toEqual(publicIds);
		const privateContent = contents.get(DocumentNames.conversationPrivate(conversationId));
		if (privateContent) {
			expect(
				items.filter((item) => item.visibility === "private").map((item) => item.id),
				`${name}: private rows = notes replica`,
			).toEqual((privateContent.timeline as TimelineItem[]).map((item) => item.id));
		}
		const meta = content.meta as { status?: string; priority?: string; tags?: string[] };
		expect(
			{ status: conversation.status, priority: conversation.priority, tags: conversation.tags },
			`${name}: conversation row = replica meta`,
		).toEqual({ status: meta.status, priority: meta.priority, tags: meta.tags });
	}
	return { commands: commandIds.length, items: expectedItems.length };
}
