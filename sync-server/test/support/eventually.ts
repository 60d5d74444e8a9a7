/**
 * Polls `assertion` until it stops throwing or `timeoutMs` passes; then rethrows its last
 * error with `message`. For eventually-consistent checks (never a bare sleep).
 */
export async function eventually<T>(
	assertion: () => T | Promise<T>,
	{ timeoutMs = 10_000, intervalMs = 20, message = "condition not met in time" } = {},
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	while (Date.now() < deadline) {
		try {
			return await assertion();
		} catch (error) {
			lastError = error;
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
	const detail = lastError instanceof Error ? lastError.message : String(lastError);
	throw new Error(`${message}: ${detail}`);
}
