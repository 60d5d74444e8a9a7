import { defineConfig } from "vitest/config";

export default defineConfig({
	resolve: { conditions: ["@cossistant/source"] },
	ssr: { resolve: { conditions: ["@cossistant/source"] } },
	test: {
		include: ["**/*.test.ts", "**/*.test.tsx"],
		exclude: ["**/node_modules/**", "**/dist/**", "e2e/**"],
		testTimeout: 60_000,
		hookTimeout: 60_000,
		// Real servers, real databases: keep parallelism modest on 2-core machines.
		maxWorkers: 2,
		typecheck: { enabled: true, include: ["**/*.test-d.ts"] },
	},
});
