/**
 * Finds the public key the way the docs promise: `VITE_COSSISTANT_API_KEY` (Vite),
 * `NEXT_PUBLIC_COSSISTANT_API_KEY` (Next.js) or `COSSISTANT_API_KEY` (other).
 *
 * Each variable is read with its literal name so bundlers (Vite's `import.meta.env`, Next's
 * `process.env.NEXT_PUBLIC_*`) can inline it at build time; every access is guarded so the code
 * also runs where neither `process` nor `import.meta.env` exists.
 */
export function detectPublicKey(): string | undefined {
	return firstNonEmpty([readVite, readNextPublic, readGeneric]);
}

function firstNonEmpty(readers: Array<() => string | undefined>): string | undefined {
	for (const read of readers) {
		try {
			const value = read();
			if (value) return value;
		} catch {
			// A bundler-less environment without `process` / `import.meta.env`: try the next.
		}
	}
	return undefined;
}

function readVite(): string | undefined {
	return (import.meta as ImportMeta & { env?: Record<string, string | undefined> }).env
		?.VITE_COSSISTANT_API_KEY;
}

function readNextPublic(): string | undefined {
	return typeof process === "undefined" ? undefined : process.env.NEXT_PUBLIC_COSSISTANT_API_KEY;
}

function readGeneric(): string | undefined {
	return typeof process === "undefined" ? undefined : process.env.COSSISTANT_API_KEY;
}
