import { OUTBOX_KEYS } from "@cossistant/types";
import * as encoding from "lib0/encoding";
import { uuidv7 } from "uuidv7";
import type { TestClient } from "./test-client.ts";

/** One awareness entry as y-protocols encodes it: client id, clock, JSON state (null: removed). */
export interface AwarenessEntry {
	clientId: number;
	clock: number;
	state: unknown;
}

/** A raw Hocuspocus Awareness frame (type 1) for `documentName` carrying `entries`. */
export function awarenessFrame(
	documentName: string,
	entries: Iterable<AwarenessEntry>,
): Uint8Array {
	const inner = encoding.createEncoder();
	const list = [...entries];
	encoding.writeVarUint(inner, list.length);
	for (const { clientId, clock, state } of list) {
		encoding.writeVarUint(inner, clientId);
		encoding.writeVarUint(inner, clock);
		encoding.writeVarString(inner, JSON.stringify(state));
	}
	const outer = encoding.createEncoder();
	encoding.writeVarString(outer, documentName);
	encoding.writeVarUint(outer, 1);
	encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
	return encoding.toUint8Array(outer);
}

/**
 * Awareness frames of `count` invented clients (ids 1…count), each with an empty state, at a
 * clock of your choice (1…127). Encoded once and patched once per clock, so a flooding test
 * spends its time sending, not encoding.
 */
export function floodFrames(documentName: string, count: number): (clock: number) => Uint8Array {
	const inner = encoding.createEncoder();
	encoding.writeVarUint(inner, count);
	const clockAt: number[] = [];
	for (let clientId = 1; clientId <= count; clientId += 1) {
		encoding.writeVarUint(inner, clientId);
		clockAt.push(encoding.length(inner));
		encoding.writeVarUint(inner, 1);
		encoding.writeVarString(inner, "{}");
	}
	const states = encoding.toUint8Array(inner);
	const outer = encoding.createEncoder();
	encoding.writeVarString(outer, documentName);
	encoding.writeVarUint(outer, 1);
	encoding.writeVarUint8Array(outer, states);
	const template = encoding.toUint8Array(outer);
	const offset = template.length - states.length;
	const frames = new Map<number, Uint8Array>();
	return (clock) => {
		if (clock < 1 || clock > 127) throw new Error("clock must fit one byte (1…127)");
		let frame = frames.get(clock);
		if (!frame) {
			frame = template.slice();
			for (const at of clockAt) frame[offset + at] = clock;
			frames.set(clock, frame);
		}
		return frame;
	};
}

/**
 * Milliseconds from appending a `message.send` to `client`'s outbox until its result arrives
 * (observed on the outbox, not polled, so the timing is exact).
 */
export function commandRoundTrip(client: TestClient, conversationId: string): Promise<number> {
	const id = uuidv7();
	const results = client.outboxDoc.getMap(OUTBOX_KEYS.results);
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			results.unobserve(observer);
			reject(new Error(`no result for ${id} after 30 s`));
		}, 30_000);
		const observer = () => {
			if (!results.has(id)) return;
			clearTimeout(timer);
			results.unobserve(observer);
			resolve(performance.now() - started);
		};
		results.observe(observer);
		client.send({
			id,
			type: "message.send",
			conversationId,
			itemId: uuidv7(),
			parts: [{ type: "text", text: "still fast?" }],
		});
	});
}

/** The median of `values`. */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2
		? (sorted[middle] ?? 0)
		: ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
