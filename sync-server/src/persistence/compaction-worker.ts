// Worker thread of StateCompactor: merges a document's snapshot and log off the main thread.
import { parentPort } from "node:worker_threads";
import { compactState } from "./compact-state.ts";
import type { CompactionReply, CompactionRequest } from "./state-compactor.ts";

const port = parentPort;
if (!port) throw new Error("compaction-worker.ts runs as a worker thread");

port.on("message", ({ id, updates }: CompactionRequest) => {
	let reply: CompactionReply;
	try {
		const state = compactState(updates);
		reply = { id, state };
		port.postMessage(reply, [state.buffer]);
	} catch (error) {
		reply = { id, error: error instanceof Error ? error.message : String(error) };
		port.postMessage(reply);
	}
});
