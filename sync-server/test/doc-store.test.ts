import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createLogger } from "../src/logger.ts";
import type { Database } from "../src/persistence/database.ts";
import { DocStore } from "../src/persistence/doc-store.ts";
import { type TestDatabase, testDatabaseTargets } from "./support/test-database.ts";

type StoreClient = NonNullable<Parameters<DocStore["load"]>[1]>;

/** Appends `count` items to the document's array, one log row per item; returns all texts. */
async function appendItems(
	db: Database,
	docName: string,
	doc: Y.Doc,
	count: number,
): Promise<void> {
	for (let i = 0; i < count; i++) {
		const before = Y.encodeStateVector(doc);
		doc.getArray<string>("items").push([`item-${doc.getArray("items").length}`]);
		await db.prisma.docUpdate.create({
			data: { docName, data: Y.encodeStateAsUpdate(doc, before) as Uint8Array<ArrayBuffer> },
		});
	}
}

function itemsOf(state: Uint8Array | null): string[] {
	const doc = new Y.Doc();
	if (state) Y.applyUpdate(doc, state);
	// Items whose predecessor is missing stay pending: they do not show, as in a live replica.
	return doc.getArray<string>("items").toArray();
}

/**
 * A real database client that lets the first query a load issues run at once and holds every
 * later one until `between()` has finished: a compaction committing between two reads of a
 * load, deterministically.
 */
function clientWithPauseAfterFirstQuery(
	db: Database,
	between: () => Promise<void>,
): { client: StoreClient; betweenDone: () => Promise<void> } {
	let calls = 0;
	let pause: Promise<void> | null = null;
	const gate = <T>(run: () => Promise<T>): Promise<T> => {
		calls += 1;
		if (calls === 1) {
			const first = run();
			pause = first.then(between, between);
			return first;
		}
		return (pause ?? Promise.resolve()).then(run);
	};
	/** The same delegate, with every method call passed through the gate. */
	const gated = <T extends object>(target: T): T =>
		new Proxy(target, {
			get(object, property) {
				const value = Reflect.get(object, property);
				if (typeof value !== "function") return value;
				return (...args: unknown[]) => gate(() => value.apply(object, args));
			},
		});
	const client: StoreClient = {
		$queryRaw: ((...args: Parameters<Database["prisma"]["$queryRaw"]>) =>
			gate(() => db.prisma.$queryRaw(...args))) as Database["prisma"]["$queryRaw"],
		docSnapshot: gated(db.prisma.docSnapshot),
		docUpdate: gated(db.prisma.docUpdate),
	};
	return {
		client,
		betweenDone: async () => {
			await pause;
		},
	};
}

describe.each(testDatabaseTargets())("DocStore (update log + snapshot) on $name", (target) => {
	let database: TestDatabase;
	let store: DocStore;

	beforeAll(async () => {
		database = await target.create();
		store = new DocStore(database.db, createLogger("silent"), 1_000_000);
	});
	afterAll(async () => {
		await store.stop();
		await database.drop();
	});

	it("loads the snapshot merged with the log tail, and the watermark past both", async () => {
		const docName = "conv/doc-store-tail";
		const doc = new Y.Doc();
		await appendItems(database.db, docName, doc, 5);
		await store.compact(docName);
		await appendItems(database.db, docName, doc, 3);
		const { state, watermark } = await store.loadWithWatermark(docName);
		expect(itemsOf(state)).toEqual(doc.getArray("items").toArray());
		const lastRow = await database.db.prisma.docUpdate.findFirstOrThrow({
			where: { docName },
			orderBy: { id: "desc" },
		});
		expect(watermark).toBe(lastRow.id);
		expect(await store.loadWithWatermark("conv/never-written")).toEqual({
			state: null,
			watermark: 0n,
		});
	});

	it("loses nothing when a compaction commits in the middle of a load", async () => {
		const docName = "conv/doc-store-race";
		const doc = new Y.Doc();
		await appendItems(database.db, docName, doc, 4);
		await store.compact(docName);
		await appendItems(database.db, docName, doc, 6);
		const { client, betweenDone } = clientWithPauseAfterFirstQuery(database.db, async () => {
			await store.compact(docName);
		});
		const { state } = await store.loadWithWatermark(docName, client);
		await betweenDone();
		// Every row the load could have missed was folded into the snapshot by the compaction.
		expect(await database.db.prisma.docUpdate.count({ where: { docName } })).toBe(0);
		expect(itemsOf(state)).toEqual(doc.getArray("items").toArray());
	});

	it("loses nothing when two processes compact the same document at once", async () => {
		const docName = "conv/doc-store-two-compactions";
		const doc = new Y.Doc();
		await appendItems(database.db, docName, doc, 5);
		const other = new DocStore(database.db, createLogger("silent"), 1_000_000);
		try {
			await store.compact(docName);
			for (let round = 0; round < 4; round++) {
				await appendItems(database.db, docName, doc, 7);
				const [here, there] = await Promise.all([store.compact(docName), other.compact(docName)]);
				// At least one wrote; one that read a replaced snapshot gave up.
				expect(here || there).toBe(true);
				expect(itemsOf(await store.load(docName))).toEqual(doc.getArray("items").toArray());
			}
		} finally {
			await other.stop();
		}
	});

	it.runIf(target.name === "postgres")(
		"compacts while a writer holds the document's lock (batches never wait for it)",
		async () => {
			const docName = "inbox/doc-store-unlocked";
			const doc = new Y.Doc();
			await appendItems(database.db, docName, doc, 8);
			let release = () => {};
			const held = new Promise<void>((resolve) => {
				release = resolve;
			});
			let locked = () => {};
			const lockTaken = new Promise<void>((resolve) => {
				locked = resolve;
			});
			const writer = database.db.prisma.$transaction(async (tx) => {
				await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${docName}, 0))`;
				locked();
				await held;
			});
			await lockTaken;
			try {
				expect(await store.compact(docName)).toBe(true);
				expect(await database.db.prisma.docUpdate.count({ where: { docName } })).toBe(0);
			} finally {
				release();
				await writer;
			}
			expect(itemsOf(await store.load(docName))).toEqual(doc.getArray("items").toArray());
		},
	);

	it("compacts to the live content: replaced values do not pile up in the snapshot", async () => {
		const docName = "inbox/doc-store-gc";
		const doc = new Y.Doc();
		const summary = { title: "x".repeat(500) };
		for (let i = 0; i < 100; i++) {
			const before = Y.encodeStateVector(doc);
			doc.getMap("conversations").set("c1", { ...summary, seq: i });
			await database.db.prisma.docUpdate.create({
				data: { docName, data: Y.encodeStateAsUpdate(doc, before) as Uint8Array<ArrayBuffer> },
			});
		}
		await store.compact(docName);
		const snapshot = await database.db.prisma.docSnapshot.findUniqueOrThrow({ where: { docName } });
		// One live value of ~520 bytes; the 99 replaced ones would be ~50 KB.
		expect(snapshot.data.byteLength).toBeLessThan(2_000);
		const loaded = new Y.Doc();
		const { state } = await store.loadWithWatermark(docName);
		if (state) Y.applyUpdate(loaded, state);
		expect(loaded.getMap("conversations").get("c1")).toEqual({ ...summary, seq: 99 });
		expect(Y.encodeStateVector(loaded)).toEqual(Y.encodeStateVector(doc));
	});

	it("loads several documents in one call as each alone would, unknown names included", async () => {
		const names = ["conv/doc-store-many-a", "conv/doc-store-many-b"];
		for (const [index, name] of names.entries()) {
			const doc = new Y.Doc();
			await appendItems(database.db, name, doc, 3 + index);
			if (index === 0) await store.compact(name);
			await appendItems(database.db, name, doc, 2);
		}
		const many = await store.loadManyWithWatermarks([...names, "conv/doc-store-many-none"]);
		for (const name of names) {
			const alone = await store.loadWithWatermark(name);
			expect(itemsOf(many.get(name)?.state ?? null)).toEqual(itemsOf(alone.state));
			expect(many.get(name)?.watermark).toBe(alone.watermark);
		}
		expect(itemsOf(many.get(names[1] as string)?.state ?? null)).toHaveLength(6);
		expect(many.get("conv/doc-store-many-none")).toEqual({ state: null, watermark: 0n });
	});
});
