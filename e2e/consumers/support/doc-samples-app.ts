import { cpSync } from "node:fs";
import { join } from "node:path";
import {
	type AppServer,
	assertInstalledFromTarballs,
	buildAndPack,
	lockedVersion,
	npmInstall,
	outsideWorkspace,
	REPO_ROOT,
	writeFiles,
} from "./consumer.ts";
import {
	buildNextApp,
	ICON_SVG,
	NEXT_CONFIG,
	nextPackageJson,
	startNextApp,
	TSCONFIG,
} from "./next-app.ts";
import type { ApiEnv } from "./vite-app.ts";

/** The docs' Next.js samples (`doc-samples/next`) as an app installed from the tarballs. */
export interface DocSamplesApp {
	dir: string;
	/** `next build` (which type-checks) and the app's own `tsc --noEmit`. */
	build(api: ApiEnv): Promise<string>;
	/** `next start` on a free loopback port. */
	start(): Promise<AppServer>;
}

/**
 * Copies `doc-samples/next` (its `app/` routes, the samples in `components/`) into a fresh folder
 * outside the repository with create-next-app's tsconfig and config, and installs the packed
 * packages, Next.js, React and `lucide-react` (the full customization example's icons) at the
 * repository's locked versions.
 */
export async function createDocSamplesApp(): Promise<DocSamplesApp> {
	const dir = outsideWorkspace("cossistant-doc-samples-");
	const tarballs = buildAndPack(join(dir, ".packs"));
	cpSync(join(REPO_ROOT, "doc-samples/next"), dir, { recursive: true });
	writeFiles(dir, {
		"package.json": nextPackageJson(tarballs, { "lucide-react": lockedVersion("lucide-react") }),
		"tsconfig.json": `${JSON.stringify(TSCONFIG, null, 2)}\n`,
		"next.config.ts": NEXT_CONFIG,
		"app/icon.svg": ICON_SVG,
	});
	await npmInstall(dir);
	assertInstalledFromTarballs(dir);
	return {
		dir,
		async build(api) {
			writeFiles(dir, {
				".env.local": `NEXT_PUBLIC_COSSISTANT_API_KEY=${api.publicKey}\nNEXT_PUBLIC_COSSISTANT_API_URL=${api.apiUrl}\n`,
			});
			return buildNextApp(dir);
		},
		start: () => startNextApp(dir),
	};
}
