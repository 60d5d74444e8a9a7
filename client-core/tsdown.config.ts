import { defineConfig } from "tsdown";
import { packageBuild } from "../scripts/tsdown-base.ts";

export default defineConfig({
	...packageBuild,
	entry: {
		index: "src/index.ts",
		"support-config": "src/support-config.ts",
		"key-value-store": "src/platform/key-value-store.ts",
		agent: "src/agent/index.ts",
	},
});
