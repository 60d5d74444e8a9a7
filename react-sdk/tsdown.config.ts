import { defineConfig } from "tsdown";
import { packageBuild } from "../scripts/tsdown-base.ts";

// Both entries start with "use client", so a React Server Component that imports the widget gets
// client references. One output file per source module (`unbundle`): each directive stays on its
// own module (a bundled chunk would merge support.ts into code shared with index.ts), the core
// client stays the lazily imported module it is in the source, and applications tree-shake by file.
export default defineConfig({
	...packageBuild,
	entry: { index: "src/index.ts", support: "src/support.ts" },
	unbundle: true,
	copy: [
		{ from: "src/styles/styles.css", to: "dist" },
		{ from: "src/styles/support.css", to: "dist" },
	],
});
