import type { UserConfig } from "tsdown";

/**
 * What every published package's build shares: ES modules for bundlers and Node, bundled `.d.ts`
 * declarations and source maps in `dist/`. The repository itself never reads `dist/`: Vitest,
 * TypeScript and `node --conditions` resolve `src/` through the `@cossistant/source` condition.
 *
 * `platform: "neutral"` keeps the output free of Node or browser assumptions (the SDK runs in
 * both); `minify: false` keeps `import.meta.env.VITE_…` and `process.env.NEXT_PUBLIC_…` written
 * literally, which is what lets Vite and Next.js inline them in the application's build.
 */
export const packageBuild = {
	format: "esm",
	platform: "neutral",
	target: "es2022",
	sourcemap: true,
	fixedExtension: false,
	hash: false,
	minify: false,
	// Declarations see the other packages as consumers do (their built `.d.ts`, hence `^build` in
	// turbo.json), not their sources, and without Node's types.
	dts: { compilerOptions: { types: [], customConditions: [] } },
	failOnWarn: true,
	// Rolldown warns that a "use client" directive may not survive bundling; with `unbundle` each
	// module keeps its own (the package test checks the directives in the packed files).
	suppressWarnings: [/MODULE_LEVEL_DIRECTIVE/],
} satisfies UserConfig;
