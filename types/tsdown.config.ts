import { defineConfig } from "tsdown";
import { packageBuild } from "../scripts/tsdown-base.ts";

export default defineConfig({
	...packageBuild,
	entry: { index: "src/index.ts" },
});
