import { defineConfig } from "tsdown";
import { packageBuild } from "../scripts/tsdown-base.ts";

// One output file per source module (`unbundle`), so each "use client" module (client.ts, the
// provider, support.ts) stays a module of its own with its directive: Next.js draws the client
// boundary per module, and the `react-server` entry must import client.js, not a copy of it.
export default defineConfig({
	...packageBuild,
	entry: {
		index: "src/index.ts",
		"index.react-server": "src/index.react-server.ts",
		support: "src/support.ts",
		server: "src/server.ts",
	},
	unbundle: true,
	copy: [
		{ from: "src/styles/styles.css", to: "dist" },
		{ from: "src/styles/support.css", to: "dist" },
	],
});
