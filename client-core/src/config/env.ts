/**
 * Reads the SDK's settings from the environment the way the docs promise: `VITE_COSSISTANT_*`
 * (Vite), `NEXT_PUBLIC_COSSISTANT_*` (Next.js) or `COSSISTANT_*` (other), first non-empty wins.
 *
 * Each variable is written out with its literal name (`import.meta.env.VITE_…`,
 * `process.env.NEXT_PUBLIC_…`): Vite and Next.js replace exactly those expressions at build time,
 * also inside dependencies, and a computed name would defeat them. Every read is guarded, so the
 * code also runs where neither `process` nor `import.meta.env` exists.
 */

// Minimal shapes of what the bundlers provide, so the package needs no Node or Vite types.
declare const process: { env: Record<string, string | undefined> } | undefined;
type EnvImportMeta = ImportMeta & { env: Record<string, string | undefined> };

/** The public key from `VITE_/NEXT_PUBLIC_/COSSISTANT_API_KEY`. */
export function detectPublicKey(): string | undefined {
	return firstNonEmpty([
		() => (import.meta as EnvImportMeta).env.VITE_COSSISTANT_API_KEY,
		() => (typeof process === "undefined" ? undefined : process.env.NEXT_PUBLIC_COSSISTANT_API_KEY),
		() => (typeof process === "undefined" ? undefined : process.env.COSSISTANT_API_KEY),
	]);
}

/** The server's REST base URL from `VITE_/NEXT_PUBLIC_/COSSISTANT_API_URL`. */
export function detectApiUrl(): string | undefined {
	return firstNonEmpty([
		() => (import.meta as EnvImportMeta).env.VITE_COSSISTANT_API_URL,
		() => (typeof process === "undefined" ? undefined : process.env.NEXT_PUBLIC_COSSISTANT_API_URL),
		() => (typeof process === "undefined" ? undefined : process.env.COSSISTANT_API_URL),
	]);
}

function firstNonEmpty(readers: Array<() => string | undefined>): string | undefined {
	for (const read of readers) {
		try {
			const value = read();
			if (value) return value;
		} catch {
			// No `import.meta.env` (no bundler) or no `process`: try the next variable.
		}
	}
	return undefined;
}
