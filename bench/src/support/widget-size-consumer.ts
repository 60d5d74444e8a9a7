import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Rollup } from "vite";
import { createViteConsumer } from "../../../e2e/consumers/support/vite-app.ts";
import { type ViteWidgetSize, viteOutputSizes } from "./widget-size-vite.ts";

/** React and React DOM are the host application's; the widget does not ship them. */
const HOST_OWNED = ["react", "react-dom", "react/jsx-runtime", "react-dom/client"];

/**
 * The React Quickstart as a user has it: a fresh Vite react-ts app in a temporary folder, the
 * packages installed from the tarballs `npm pack` makes (so their published `dist/`, not the
 * workspace sources), built by the app's own Vite with its own `vite.config.ts`. React is made
 * external for the measure (it is the host's), and Vite's module-preload polyfill is left out
 * (the host's too); everything else is the app's production build.
 */
export async function measureConsumerWidgetSize(): Promise<ViteWidgetSize> {
	const app = await createViteConsumer();
	try {
		return await measure(app.dir, app.build);
	} finally {
		rmSync(app.dir, { recursive: true, force: true });
	}
}

async function measure(
	dir: string,
	buildApp: (api: { publicKey: string; apiUrl: string }) => Promise<string>,
): Promise<ViteWidgetSize> {
	// The app's own `tsc -b && vite build` first: the measured app type-checks and builds.
	await buildApp({ publicKey: "pk_test_widget_size", apiUrl: "https://support.example.com/v1" });
	const vite = (await import(
		pathToFileURL(join(dir, "node_modules/vite/dist/node/index.js")).href
	)) as typeof import("vite");
	const result = await vite.build({
		root: dir,
		logLevel: "silent",
		build: {
			write: false,
			modulePreload: { polyfill: false },
			rollupOptions: { external: HOST_OWNED },
		},
	});
	const outputs: Array<Rollup.OutputChunk | Rollup.OutputAsset> = (
		Array.isArray(result) ? result : [result]
	).flatMap((output) => ("output" in output ? output.output : []));
	return viteOutputSizes(outputs);
}
