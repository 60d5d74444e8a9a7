import { timelineItemSchema } from "@cossistant/types";
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { TimelineItemParser } from "../../src/conversations/item-parser.ts";
import { readValidatedUpTo, recordValidatedUpTo } from "../../src/conversations/validated-mark.ts";
import type { SyncedDocument } from "../../src/sync/sync-connection.ts";
import { fakeConnection, openView } from "./fake-connection.ts";

function item(n: number) {
	return {
		id: `item-000${n}`,
		conversationId: "conversation-1",
		seq: n,
		type: "message",
		parts: [{ type: "text", text: `message ${n}` }],
		visibility: "public",
		visitorId: "visitor-1",
		userId: null,
		aiAgentId: null,
		createdAt: "2026-11-21T10:00:00.000Z",
		updatedAt: "2026-11-21T10:00:00.000Z",
	};
}

/** A doc whose timeline holds `values`, and the state vector once it holds them. */
function timelineWith(values: unknown[]) {
	const doc = new Y.Doc();
	const timeline = doc.getArray<unknown>("timeline");
	for (const value of values) timeline.push([value]);
	return { doc, timeline };
}

describe("TimelineItemParser.parseTimeline", () => {
	it("validates every entry without a record: malformed ones are skipped and reported", () => {
		const invalid: string[] = [];
		const parser = new TimelineItemParser((_raw, reason) => invalid.push(reason));
		const { timeline } = timelineWith([item(1), { ...item(2), seq: -1 }, item(3)]);
		const parsed = parser.parseTimeline(timeline, null);
		expect(parsed.items.map((i) => i.seq)).toEqual([1, 3]);
		expect(parsed.allValid).toBe(false);
		expect(parsed.validated).toBe(3);
		expect(invalid).toHaveLength(1);
		// Cached per object: a second read validates nothing again.
		expect(parser.parseTimeline(timeline, null).validated).toBe(0);
	});

	it("trusts the entries below the recorded state vector and validates those added since", () => {
		const { doc, timeline } = timelineWith([item(1), item(2)]);
		const upTo = Y.decodeStateVector(Y.encodeStateVector(doc));
		timeline.push([item(3), { ...item(4), parts: [{ type: "image", url: "javascript:x" }] }]);
		// A fresh session (new parser) reading the same replica with the record.
		const invalid: unknown[] = [];
		const parsed = new TimelineItemParser((raw) => invalid.push(raw)).parseTimeline(timeline, upTo);
		expect(parsed.validated).toBe(2);
		expect(parsed.items.map((i) => i.seq)).toEqual([1, 2, 3]);
		expect(invalid).toEqual([timeline.get(3)]);
		expect(parsed.allValid).toBe(false);
	});

	it("reads a file part stored with `fileName` as `name`, trusted or validated", () => {
		const legacy = (n: number) => ({
			...item(n),
			parts: [
				{
					type: "file",
					url: "/v1/uploads/upload-1",
					mediaType: "text/plain",
					size: 2,
					fileName: "a.txt",
				},
			],
		});
		const { doc, timeline } = timelineWith([legacy(1)]);
		const upTo = Y.decodeStateVector(Y.encodeStateVector(doc));
		timeline.push([legacy(2)]);
		const parsed = new TimelineItemParser(() => {}).parseTimeline(timeline, upTo);
		expect(parsed.validated).toBe(1);
		expect(parsed.items.map((i) => i.parts)).toEqual([
			[
				{
					type: "file",
					url: "/v1/uploads/upload-1",
					mediaType: "text/plain",
					size: 2,
					name: "a.txt",
				},
			],
			[
				{
					type: "file",
					url: "/v1/uploads/upload-1",
					mediaType: "text/plain",
					size: 2,
					name: "a.txt",
				},
			],
		]);
	});

	it("skips deleted entries like toArray()", () => {
		const { timeline } = timelineWith([item(1), item(2), item(3)]);
		timeline.delete(1, 1);
		const parsed = new TimelineItemParser(() => {}).parseTimeline(timeline, null);
		expect(parsed.items.map((i) => i.seq)).toEqual([1, 3]);
		expect(parsed.allValid).toBe(true);
	});
});

describe("validated record", () => {
	function documentWith(doc: Y.Doc, meta = new Map<string, string>()): SyncedDocument {
		return {
			name: "conv/x",
			doc,
			getCacheMeta: async (key) => meta.get(key),
			setCacheMeta: async (key, value) => {
				meta.set(key, value);
			},
		} as SyncedDocument;
	}

	it("round-trips the replica's state vector through the cache", async () => {
		const { doc } = timelineWith([item(1), item(2)]);
		const document = documentWith(doc);
		expect(await readValidatedUpTo(document)).toBeNull();
		await recordValidatedUpTo(document);
		expect(await readValidatedUpTo(document)).toEqual(
			Y.decodeStateVector(Y.encodeStateVector(doc)),
		);
	});

	it("ignores a malformed record (validates everything instead)", async () => {
		for (const stored of ["{", "{}", "[[1]]", '[[1,"2"]]', "[[-1,2]]"]) {
			const meta = new Map([["timeline-validated:v1", stored]]);
			expect(await readValidatedUpTo(documentWith(new Y.Doc(), meta))).toBeNull();
		}
	});
});

describe("ConversationView and the validated record", () => {
	it("records what it validated, and the next open trusts exactly that", async () => {
		vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
		try {
			const stored = { update: null as Uint8Array | null, meta: new Map<string, string>() };
			const first = fakeConnection(stored);
			const invalid: unknown[] = [];
			const view = openView(first.connection, { onInvalidItem: (raw) => invalid.push(raw) });
			first.load();
			first.doc.getArray("timeline").push([item(1), item(2)]);
			await vi.waitFor(() => expect(view.state.getState().items).toHaveLength(2));
			await vi.advanceTimersByTimeAsync(1_000);
			expect(stored.meta.get("timeline-validated:v1")).toBeDefined();
			stored.update = Y.encodeStateAsUpdate(first.doc);
			view.destroy();

			// Something the first run never validated: a tampered record covering a bad item
			// would show it, so the record must cover only what was validated. Items added after
			// the record are validated as usual.
			const later = new Y.Doc();
			Y.applyUpdate(later, stored.update);
			later.getArray("timeline").push([{ ...item(3), seq: -3 }, item(4)]);
			stored.update = Y.encodeStateAsUpdate(later);
			const second = fakeConnection(stored);
			// Every validation runs the schema once (`~run` is how valibot runs a schema).
			const safeParse = vi.spyOn(timelineItemSchema, "~run");
			const reopened = openView(second.connection, {
				onInvalidItem: (raw) => invalid.push(raw),
			});
			second.load();
			await vi.waitFor(() => expect(reopened.state.getState().items).toHaveLength(3));
			expect(reopened.state.getState().items.map((i) => i.seq)).toEqual([1, 2, 4]);
			expect(invalid).toHaveLength(1);
			// Items 1 and 2 were trusted: only the two added after the record were validated.
			expect(safeParse).toHaveBeenCalledTimes(2);
			safeParse.mockRestore();
			reopened.destroy();
		} finally {
			vi.useRealTimers();
		}
	});
});
