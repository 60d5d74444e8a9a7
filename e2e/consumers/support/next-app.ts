import { rmSync } from "node:fs";
import { join } from "node:path";
import {
	type AppServer,
	assertInstalledFromTarballs,
	buildAndPack,
	lockedVersion,
	npmInstall,
	outsideWorkspace,
	type PUBLIC_PACKAGES,
	run,
	serve,
	writeFiles,
} from "./consumer.ts";
import type { ApiEnv } from "./vite-app.ts";

/** The Next.js Quickstart's two ways of loading the widget's styles (its step 4). */
export type NextStyling = "plain-css" | "tailwind-v4";

/** A Next.js App Router app installed from the packed tarballs. */
export interface NextConsumer {
	dir: string;
	/** Writes the styling variant and `.env.local`, then `next build` and `tsc --noEmit`. */
	build(styling: NextStyling, api: ApiEnv): Promise<string>;
	/** `next start` on a free loopback port. */
	start(): Promise<AppServer>;
}

// create-next-app 16's tsconfig.json (app router, TypeScript), as Next.js writes it by default.
export const TSCONFIG = {
	compilerOptions: {
		target: "ES2017",
		lib: ["dom", "dom.iterable", "esnext"],
		allowJs: true,
		skipLibCheck: true,
		strict: true,
		noEmit: true,
		esModuleInterop: true,
		module: "esnext",
		moduleResolution: "bundler",
		resolveJsonModule: true,
		isolatedModules: true,
		jsx: "react-jsx",
		incremental: true,
		plugins: [{ name: "next" }],
		paths: { "@/*": ["./*"] },
	},
	include: [
		"next-env.d.ts",
		"**/*.ts",
		"**/*.tsx",
		".next/types/**/*.ts",
		".next/dev/types/**/*.ts",
		"**/*.mts",
	],
	exclude: ["node_modules"],
};

// No `transpilePackages`: the packages are plain built ES modules.
export const NEXT_CONFIG = `import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  /* config options here */
};

export default nextConfig;
`;

const POSTCSS_CONFIG = `const config = {
  plugins: {
    "@tailwindcss/postcss": {},
  },
};

export default config;
`;

// The Next.js Quickstart, step 3 and step 4 for each styling.
const layout = (styling: NextStyling) => `import { SupportProvider } from "@cossistant/next";
${styling === "plain-css" ? 'import "@cossistant/next/styles.css";\n' : ""}import "./globals.css";

export default function RootLayout({
  children,
}: Readonly<{
  children: React.ReactNode;
}>) {
  return (
    <html lang="en">
      <body>
        <SupportProvider>{children}</SupportProvider>
      </body>
    </html>
  );
}
`;

const GLOBALS_CSS: Record<NextStyling, string> = {
	"plain-css": `body {
  margin: 0;
  font-family: system-ui, sans-serif;
}
`,
	"tailwind-v4": `@import "tailwindcss";
@import "@cossistant/next/support.css";
`,
};

export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="#111"/></svg>
`;

// Step 5: <Support /> in a Server Component page.
const PAGE_TSX = `import { Support } from "@cossistant/next";

export default function Page() {
  return (
    <div>
      <h1>You are ready to chat</h1>
      <Support />
    </div>
  );
}
`;

/**
 * The package.json of a Next.js app installed from the packed tarballs: the four packages as
 * `file:` dependencies, Next.js, React and TypeScript at the repository's locked versions, and
 * Tailwind v4 with its PostCSS plugin; `dependencies` adds the app's own.
 */
export function nextPackageJson(
	tarballs: Record<(typeof PUBLIC_PACKAGES)[number], string>,
	dependencies: Record<string, string> = {},
): string {
	const file = (path: string) => `file:${path}`;
	return `${JSON.stringify(
		{
			name: "next-quickstart",
			version: "0.1.0",
			private: true,
			scripts: { dev: "next dev", build: "next build", start: "next start" },
			dependencies: {
				"@cossistant/core": file(tarballs["@cossistant/core"]),
				"@cossistant/next": file(tarballs["@cossistant/next"]),
				"@cossistant/react": file(tarballs["@cossistant/react"]),
				"@cossistant/types": file(tarballs["@cossistant/types"]),
				next: lockedVersion("next"),
				react: lockedVersion("react"),
				"react-dom": lockedVersion("react-dom"),
				...dependencies,
			},
			devDependencies: {
				"@tailwindcss/postcss": "^4",
				"@types/node": lockedVersion("@types/node"),
				"@types/react": lockedVersion("@types/react"),
				"@types/react-dom": lockedVersion("@types/react-dom"),
				tailwindcss: "^4",
				typescript: lockedVersion("typescript"),
			},
		},
		null,
		2,
	)}\n`;
}

/**
 * Creates the docs' Next.js Quickstart as a fresh App Router app in a temporary folder outside
 * the repository and installs the packed `@cossistant/next` (with its dependencies' tarballs),
 * Next.js, React and TypeScript at the repository's locked versions, and Tailwind v4 with its
 * PostCSS plugin (used by the `tailwind-v4` variant only).
 */
export async function createNextConsumer(): Promise<NextConsumer> {
	const dir = outsideWorkspace("cossistant-next-consumer-");
	const tarballs = buildAndPack(join(dir, ".packs"));
	writeFiles(dir, {
		"package.json": nextPackageJson(tarballs),
		"tsconfig.json": `${JSON.stringify(TSCONFIG, null, 2)}\n`,
		"next.config.ts": NEXT_CONFIG,
		"app/page.tsx": PAGE_TSX,
		// create-next-app ships app/favicon.ico; without an icon Chromium asks for /favicon.ico.
		"app/icon.svg": ICON_SVG,
	});
	await npmInstall(dir);
	assertInstalledFromTarballs(dir);
	return {
		dir,
		async build(styling, api) {
			rmSync(join(dir, ".next"), { recursive: true, force: true });
			rmSync(join(dir, "postcss.config.mjs"), { force: true });
			writeFiles(dir, {
				".env.local": `NEXT_PUBLIC_COSSISTANT_API_KEY=${api.publicKey}\nNEXT_PUBLIC_COSSISTANT_API_URL=${api.apiUrl}\n`,
				"app/layout.tsx": layout(styling),
				"app/globals.css": GLOBALS_CSS[styling],
				...(styling === "tailwind-v4" ? { "postcss.config.mjs": POSTCSS_CONFIG } : {}),
			});
			return buildNextApp(dir);
		},
		start: () => startNextApp(dir),
	};
}

/** `next build` in `dir`, then the project's own `tsc --noEmit` over Next's tsconfig. */
export async function buildNextApp(dir: string): Promise<string> {
	const output = await run(dir, process.execPath, ["node_modules/next/dist/bin/next", "build"]);
	// `next build` type-checks too; this is the project's own `tsc` over Next's tsconfig.
	await run(dir, process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit"]);
	return output;
}

/** `next start` in `dir` on a free loopback port. */
export function startNextApp(dir: string): Promise<AppServer> {
	return serve(dir, "node_modules/next/dist/bin/next", (port) => [
		"start",
		"--port",
		String(port),
		"--hostname",
		"127.0.0.1",
	]);
}
