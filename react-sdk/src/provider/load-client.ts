/** Loads the core client's module (its own chunk in a code-split bundle). */
export function loadClientModule(): Promise<typeof import("./client-module.ts")> {
	return import("./client-module.ts");
}

/** Runs `task` when the browser is idle (at the latest after `timeoutMs`); returns a cancel. */
export function whenIdle(task: () => void, timeoutMs = 2_000): () => void {
	if (typeof requestIdleCallback === "function") {
		const id = requestIdleCallback(task, { timeout: timeoutMs });
		return () => cancelIdleCallback(id);
	}
	const timer = setTimeout(task, 1);
	return () => clearTimeout(timer);
}
