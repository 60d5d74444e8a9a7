import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { compactState } from "../../src/persistence/compact-state.ts";
import { StateCompactor } from "../../src/persistence/state-compactor.ts";

/** A snapshot and a log of an inbox-like document: summaries replaced over and over. */
function inboxHistory(): Uint8Array[] {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on("update", (update: Uint8Array) => updates.push(update));
	const summaries = doc.getMap("summaries");
	for (let n = 0; n < 300; n++) {
		summaries.set(`c${n % 20}`, { id: `c${n % 20}`, last: `message ${n}`, unread: n });
	}
	return updates;
}

function contentOf(state: Uint8Array): unknown {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	return doc.getMap("summaries").toJSON();
}

describe("StateCompactor", () => {
	const warnings: string[] = [];
	const logger = pino({ level: "warn" }, { write: (line: string) => warnings.push(line) });
	let compactor: StateCompactor | null = null;
	afterEach(async () => {
		await compactor?.close();
		warnings.length = 0;
	});

	it("merges on a worker thread, to the same content as merging here", async () => {
		compactor = new StateCompactor(logger);
		const updates = inboxHistory();
		const [threaded, here] = [await compactor.compact(updates), compactState(updates)];
		expect(compactor.threaded).toBe(true);
		expect(contentOf(threaded)).toEqual(contentOf(here));
		// Garbage-collected: far smaller than the 300 updates it folds.
		expect(threaded.byteLength).toBeLessThan(updates.reduce((sum, u) => sum + u.byteLength, 0) / 4);
		expect(warnings).toEqual([]);
	});

	it("answers several requests in order and survives a worker crash by merging here", async () => {
		compactor = new StateCompactor(logger);
		const updates = inboxHistory();
		const results = await Promise.all([1, 2, 3].map(() => compactor?.compact(updates)));
		for (const result of results)
			expect(contentOf(result as Uint8Array)).toEqual(contentOf(compactState(updates)));
		// Kill the worker while a request is in flight: the request is merged on the main thread.
		const inFlight = compactor.compact(updates);
		await (compactor as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
		expect(contentOf(await inFlight)).toEqual(contentOf(compactState(updates)));
		expect(warnings.join("")).toMatch(/compaction worker failed; restarting it/);
		// The next compaction starts a new worker.
		await compactor.compact(updates);
		expect(compactor.threaded).toBe(true);
	});
});
