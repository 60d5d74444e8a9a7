import {
	CONVERSATION_DOC_KEYS,
	INBOX_DOC_KEYS,
	parseDocumentName,
	VISITOR_DOC_KEYS,
} from "@cossistant/types";
import { expect } from "vitest";
import * as Y from "yjs";
import { eventually } from "../../sync-server/test/support/eventually.ts";
import type { ChaosClient } from "./chaos-client.ts";

/** Plain JSON of a replica's shared types, by document kind (what a UI reads). */
export function documentContent(name: string, doc: Y.Doc): Record<string, unknown> {
	const kind = parseDocumentName(name)?.kind;
	switch (kind) {
		case "conversation":
			return {
				timeline: doc.getArray(CONVERSATION_DOC_KEYS.timeline).toJSON(),
				meta: doc.getMap(CONVERSATION_DOC_KEYS.meta).toJSON(),
				seen: doc.getMap(CONVERSATION_DOC_KEYS.seen).toJSON(),
			};
		case "conversationPrivate":
			return { timeline: doc.getArray(CONVERSATION_DOC_KEYS.timeline).toJSON() };
		case "visitor":
			return {
				conversations: doc.getMap(VISITOR_DOC_KEYS.conversations).toJSON(),
				profile: doc.getMap(VISITOR_DOC_KEYS.profile).toJSON(),
			};
		case "inbox":
			return { conversations: doc.getMap(INBOX_DOC_KEYS.conversations).toJSON() };
		default:
			throw new Error(`no content reader for ${name}`);
	}
}

/** A replica's state vector as `clientId:clock` strings, sorted (equal vectors ⇔ same updates). */
export function stateVector(doc: Y.Doc): string[] {
	return [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()]
		.map(([client, clock]) => `${client}:${clock}`)
		.sort();
}

/**
 * Waits until every client's outbox is settled: each command it sent was applied (a final
 * refusal fails at once, with the command and reason), and the outbox document is empty.
 */
export async function expectOutboxesSettled(
	clients: readonly ChaosClient[],
	timeoutMs: number,
): Promise<void> {
	await eventually(
		() => {
			for (const client of clients) {
				expect(client.finalRejections, `${client.label}: final refusals`).toEqual([]);
				const pending = client.pending();
				if (pending.length > 0) {
					throw new Error(
						`${client.label}: ${pending.length} commands without result (first ${pending[0]?.type} ${pending[0]?.id})`,
					);
				}
				expect(client.outboxSize(), `${client.label}: outbox document`).toEqual({
					commands: 0,
					results: 0,
				});
			}
		},
		{ timeoutMs, intervalMs: 100, message: "outboxes did not settle" },
	);
}

/**
 * Waits until every replica of every client equals the same document loaded fresh by
 * `reference` after the run (content and state vector: no missing and no ghost updates).
 * Returns the reference contents by document name.
 */
export async function expectReplicasConverged(
	clients: readonly ChaosClient[],
	reference: ChaosClient,
	timeoutMs: number,
): Promise<Map<string, Record<string, unknown>>> {
	const names = new Set(clients.flatMap((client) => [...client.openDocs]));
	for (const name of names) await reference.openSynced(name, timeoutMs);
	const contents = new Map<string, Record<string, unknown>>();
	for (const name of names) contents.set(name, documentContent(name, reference.doc(name)));
	for (const client of clients) {
		for (const name of client.openDocs) {
			await eventually(
				() => {
					const doc = client.doc(name);
					expect(documentContent(name, doc), `${client.label} ${name}`).toEqual(
						documentContent(name, reference.doc(name)),
					);
					expect(stateVector(doc), `${client.label} ${name} state vector`).toEqual(
						stateVector(reference.doc(name)),
					);
				},
				{ timeoutMs, intervalMs: 100, message: `${client.label}'s replica of ${name}` },
			);
		}
	}
	return contents;
}
