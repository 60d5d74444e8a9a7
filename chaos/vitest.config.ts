import { defineConfig } from "vitest/config";

/**
 * The chaos suite (`npm run test:chaos`, `npm run test:chaos:short` in CI): `*.chaos.ts` files,
 * which the regular `vitest run` does not pick up. One file at a time: each drives a real
 * server process under load and would distort the others' timing on a 2-core machine.
 */
export default defineConfig({
	root: import.meta.dirname,
	resolve: { conditions: ["@cossistant/source"] },
	ssr: { resolve: { conditions: ["@cossistant/source"] } },
	test: {
		include: ["**/*.chaos.ts"],
		fileParallelism: false,
		// Budgets per test are set in each file from the profile; hooks start and stop servers.
		testTimeout: 30 * 60_000,
		hookTimeout: 120_000,
		reporters: ["default"],
	},
});
