import type { SyncServer } from "@cossistant/sync-server";

/** Times every command inside the pipeline: from `submit` to its result (durable or refused). */
export interface PipelineProbe {
	/** Milliseconds from `pipeline.submit` to its result, since the last `take()`. */
	take(): number[];
	/** Restores the pipeline's own `submit`. */
	restore(): void;
}

/**
 * Wraps `server.pipeline.submit` (on the instance, so the WebSocket path, which calls it as a
 * method, goes through the wrapper too) to time each command's stay in the pipeline: queueing
 * for its batch, the batch's transaction, then the broadcast. It changes nothing else; it lets
 * a scenario say how much of an end-to-end latency the write path accounts for.
 */
export function probePipeline(server: SyncServer): PipelineProbe {
	const pipeline = server.pipeline;
	const original = pipeline.submit;
	let samples: number[] = [];
	pipeline.submit = function submit(this: typeof pipeline, principal, raw) {
		const started = performance.now();
		const result = original.call(this, principal, raw);
		void result.then(() => samples.push(performance.now() - started));
		return result;
	};
	return {
		take() {
			const taken = samples;
			samples = [];
			return taken;
		},
		restore() {
			pipeline.submit = original;
		},
	};
}
