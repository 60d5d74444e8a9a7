import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createLogger } from "../../src/logger.ts";
import { LiveDocuments } from "../../src/realtime/live-documents.ts";
import { eventually } from "../support/eventually.ts";

/** Three committed updates of a timeline, each one inserting after the previous item. */
function committedUpdates(): { updates: Uint8Array[]; full: Uint8Array } {
	const source = new Y.Doc();
	const updates: Uint8Array[] = [];
	source.on("update", (update: Uint8Array) => updates.push(update));
	for (const text of ["a", "b", "c"]) source.getArray<string>("timeline").push([text]);
	return { updates, full: Y.encodeStateAsUpdate(source) };
}

describe("LiveDocuments", () => {
	it("refills a loaded document that misses a committed update from the store", async () => {
		const { updates, full } = committedUpdates();
		const loads: string[] = [];
		const live = new LiveDocuments({
			loadCommitted: async (name) => {
				loads.push(name);
				return full;
			},
			logger: createLogger("silent"),
			gapGraceMs: 10,
		});
		const doc = new Y.Doc();
		live.register("conv/x", doc);
		live.applyCommitted("conv/x", updates[0] as Uint8Array);
		// Update "b" never reached this replica: "c" cannot be placed and pends.
		live.applyCommitted("conv/x", updates[2] as Uint8Array);
		expect(doc.getArray("timeline").toArray()).toEqual(["a"]);
		await eventually(() => expect(doc.getArray("timeline").toArray()).toEqual(["a", "b", "c"]));
		expect(loads).toEqual(["conv/x"]);
		live.stop();
	});

	it("leaves a document that is still loading alone (its state arrives with the load)", async () => {
		const { updates } = committedUpdates();
		const loads: string[] = [];
		const live = new LiveDocuments({
			loadCommitted: async (name) => {
				loads.push(name);
				return null;
			},
			logger: createLogger("silent"),
			gapGraceMs: 10,
		});
		const loading = Object.assign(new Y.Doc(), { isLoading: true });
		live.register("conv/y", loading);
		live.applyCommitted("conv/y", updates[1] as Uint8Array);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(loads).toEqual([]);
		live.stop();
	});
});
